import { fail, ok, type Result } from '../../shared/result';

/** Longer than any phone link iTop renders; the core applies its own, stricter limits after this. */
export const MAX_LINK_CHARS = 2048;
const SCHEMES = /^(itop-cti|tel|callto|sip):/i;

/**
 * Web mode has no OS protocol handler, so a deep link reaches the core as the `link` query of the signed-in
 * page: `http://127.0.0.1:<port>/?link=itop-cti%3A%2F%2Fdial%3Fnumber%3D%2B33…`. Returns null when the query
 * has no link. The link stays untrusted: the core validates it and holds any dial for the agent's confirmation.
 */
export function readLinkQuery(url: URL): Result<string | null> {
  const links = url.searchParams.getAll('link');
  if (links.length === 0) return ok(null);
  if (links.length > 1) return fail('web.link-ambiguous', 'the page address holds several `link` parameters: give exactly one');
  const link = links[0] ?? '';
  if (link.length > MAX_LINK_CHARS) return fail('web.link-too-long', `the link is ${link.length} characters long; at most ${MAX_LINK_CHARS} are accepted`);
  if (!SCHEMES.test(link)) return fail('web.link-scheme', 'the link must start with itop-cti:, tel:, callto: or sip:');
  return ok(link);
}
