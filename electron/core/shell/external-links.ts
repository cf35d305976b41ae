import { fail, ok, type Result } from '../../../shared/result';
import { describe } from './navigation-policy';

/**
 * The only addresses `shell.openExternal` may receive (https://www.electronjs.org/docs/latest/tutorial/security#15-do-not-use-shellopenexternal-with-untrusted-content):
 * pages of the configured iTop, the click-to-call schemes, and the host of the configured dial URL.
 * Everything else is refused with a reason, never opened.
 */
export interface ExternalLinkTargets {
  /** iTop's URL as configured (root or …/webservices/rest.php); '' = not configured. */
  readonly itopUrl: string;
  /** A dial URL template (e.g. https://pbx.example.com/dial?n={number}), if dialling goes through one. */
  readonly dialUrlTemplate?: string;
}

export const DIAL_SCHEMES: readonly string[] = ['tel:', 'callto:', 'sip:', 'sips:'];
export const MAX_EXTERNAL_URL_LENGTH = 4000;

export type ExternalLinkPolicy = (url: string) => Result<string>;

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url.replace(/\{[^}]*\}/g, 'x'));
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the targets on every call, so a settings change applies at once. */
export function createExternalLinkPolicy(targets: () => ExternalLinkTargets): ExternalLinkPolicy {
  return (url) => {
    if (typeof url !== 'string' || url.length === 0) return fail('link-invalid', 'No address to open');
    if (url.length > MAX_EXTERNAL_URL_LENGTH) return fail('link-too-long', `Address is ${url.length} characters long; at most ${MAX_EXTERNAL_URL_LENGTH} are opened`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(url)) return fail('link-invalid', 'Address contains control characters');
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return fail('link-invalid', 'Not an absolute URL');
    }
    if (DIAL_SCHEMES.includes(parsed.protocol)) return ok(parsed.href);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      return fail('link-refused', `${parsed.protocol} links are never opened (only iTop pages and tel:/callto:/sip:)`);
    }
    if (parsed.username !== '' || parsed.password !== '') return fail('link-refused', 'Addresses with a user name or password are never opened');
    const { itopUrl, dialUrlTemplate } = targets();
    const allowed = [originOf(itopUrl), originOf(dialUrlTemplate)].filter((o): o is string => o !== undefined);
    if (allowed.includes(parsed.origin)) return ok(parsed.href);
    return fail('link-refused', `${describe(url)} is neither the configured iTop nor the dial server; the link was not opened`);
  };
}
