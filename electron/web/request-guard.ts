import type { IncomingHttpHeaders } from 'node:http';

/**
 * Checks on what a browser (or anything else on this machine) sends the web host, before any handler runs.
 * Pure functions of the request line and headers; the fuzz tests reach them through raw TCP, as any local process would.
 */

const MAX_TARGET_CHARS = 8192;

/**
 * The request target as a URL of this host, or null when it is not a plain origin-form path. `new URL()`
 * throws on `//[`, `//a:99999/` or `//%zz/` (a scheme-relative "authority"): such targets are answered 400,
 * never handed to a parser that can end the process.
 */
export function parseRequestTarget(target: string | undefined, origin: string): URL | null {
  if (target === undefined || target.length > MAX_TARGET_CHARS || !target.startsWith('/') || target.startsWith('//')) return null;
  try {
    const url = new URL(target, origin);
    return url.origin === origin ? url : null;
  } catch {
    return null;
  }
}

/**
 * Whether a request that changes state or reads secrets comes from this host's own page (scheme + host +
 * port), not from a page of another local port: SameSite treats every 127.0.0.1 port as the same site, so
 * the cookie alone proves nothing. `Sec-Fetch-Site: none` is the agent typing or pasting the address.
 * Without fetch metadata (old browsers, scripts) a present `Origin` must still be ours.
 */
export function isOwnOriginRequest(headers: IncomingHttpHeaders, origin: string, allowUserTyped: boolean): boolean {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && !(allowUserTyped && site === 'none')) return false;
  const from = headers.origin;
  if (from !== undefined && from !== origin) return false;
  return site !== undefined || from !== undefined || allowUserTyped;
}
