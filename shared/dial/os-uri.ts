import { preview } from '../cti/raw-number';
import { fail, ok, type Result } from '../result';

/** The operating system's click-to-call handlers (softphone, Teams, 3CX desktop app…). */
export type OsDialScheme = 'tel' | 'callto' | 'sip';
export const OS_DIAL_SCHEMES: readonly OsDialScheme[] = ['tel', 'callto', 'sip'];

// A dial string is digits with an optional leading "+", plus the PBX's * and # feature-code characters.
const DIAL_STRING = /^\+?[0-9*#]{1,40}$/;

/**
 * `tel:+33123456789`, `callto:+33123456789`, `sip:+33123456789`. Only a checked dial string goes in, so
 * nothing the URI handler could misread (";", "?", "@", "/", spaces, a second scheme) ever reaches the OS.
 * "#" starts a fragment in a URI, so it is written %23 (RFC 3966 §5.1.5); "+" and "*" are literal.
 */
export function buildOsDialUri(scheme: OsDialScheme, dialString: string): Result<string> {
  if (!OS_DIAL_SCHEMES.includes(scheme)) return fail('dial.bad-scheme', `Unknown dial URI scheme "${String(scheme)}" (expected tel, callto or sip)`);
  if (typeof dialString !== 'string' || !DIAL_STRING.test(dialString)) {
    return fail('dial.bad-dial-string', `"${preview(String(dialString))}" cannot go into a ${scheme}: link (only digits, *, # and a leading +)`);
  }
  return ok(`${scheme}:${dialString.replace(/#/g, '%23')}`);
}
