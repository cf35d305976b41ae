import { fail, ok, type Result } from '../result';
import { createAsYouTypeFormatter, isKnownRegion, regionPlan, tryParse, type CountryCode } from './metadata';
import type { PhoneOptions } from './options';
import { foldToAscii } from './unicode';

/** How the PBX wants outgoing numbers (trunk rules often match only one form). */
export type DialFormat = 'e164' | 'national' | 'international-idd' | 'outside-line';
export const DIAL_FORMATS: readonly DialFormat[] = ['e164', 'national', 'international-idd', 'outside-line'];

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The string to hand to the PBX for an E.164 number: digits only, except the leading "+" of 'e164'.
 * - national: the national form when the number shares the default region's country code, else the IDD
 *   form (a foreign number has no national form we could dial)
 * - international-idd: the PBX region's IDD + country code + number ("0033…", "011 44…")
 * - outside-line: outsideLinePrefix + the 'national' string
 */
export function formatDialString(e164: string, format: DialFormat, opts: PhoneOptions): Result<string> {
  if (!E164.test(e164)) return fail('phone.dial.not-e164', `Cannot dial "${e164}": expected an E.164 number like +33123456789`);
  const number = tryParse(e164);
  if (!number) return fail('phone.dial.unknown-country', `Cannot dial "${e164}": no known country uses that calling code`);
  const pbxRegion = opts.pbxInternationalPrefixRegion ?? opts.defaultRegion;
  if (!isKnownRegion(opts.defaultRegion) || !isKnownRegion(pbxRegion)) {
    return fail('phone.dial.bad-region', `Cannot dial "${e164}": unknown region ${opts.defaultRegion}/${pbxRegion}`);
  }
  const idd = `${regionPlan(pbxRegion).iddToDial}${number.countryCallingCode}${number.nationalNumber}`;
  const domestic = number.countryCallingCode === regionPlan(opts.defaultRegion).callingCode;
  const national = domestic ? number.formatNational().replace(/\D/g, '') : idd;
  switch (format) {
    case 'e164':
      return ok(number.number);
    case 'international-idd':
      return ok(idd);
    case 'national':
      return ok(national);
    case 'outside-line':
      return ok(`${opts.outsideLinePrefix}${national}`);
    default:
      return fail('phone.dial.bad-format', `Unknown dial format "${String(format)}" (expected ${DIAL_FORMATS.join(', ')})`);
  }
}

export interface AsYouTypeState {
  readonly formatted: string;
  /** Set once the digits form a possible number. */
  readonly e164?: string;
}

/**
 * Formatter for the manual dialer. `input(text)` takes the WHOLE field content each time (React
 * controlled inputs), not one keystroke, so editing in the middle or pasting works.
 */
export function createAsYouType(region: CountryCode): { input(text: string): AsYouTypeState } {
  const formatter = createAsYouTypeFormatter(region);
  return {
    input(text: string): AsYouTypeState {
      formatter.reset();
      const formatted = formatter.input(foldToAscii(String(text)).slice(0, 100));
      const number = formatter.getNumber();
      return number?.isPossible() && E164.test(number.number) ? { formatted, e164: number.number } : { formatted };
    },
  };
}
