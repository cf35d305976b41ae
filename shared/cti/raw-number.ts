import { findUnfilledMacro, isWithheldText } from '../phone/signals';
import { fail, ok, type Result } from '../result';

/**
 * Checks on a caller number exactly as a PBX delivered it. Intake passes numbers through raw (normalization
 * lives in shared/phone/); it only refuses what can never be a number and flags withheld callers.
 */

/** Longer than any dialable number plus SIP decoration; anything longer is garbage or an attack. */
export const MAX_RAW_NUMBER_LENGTH = 100;

// One list of "not a number" signals for the whole product: the phone module owns them.
/** The first unsubstituted template macro in `value`, e.g. `%CallerNumber%`, or undefined. */
export const detectUnfilledMacro = (value: string): string | undefined => findUnfilledMacro(value);

/** True when the value says the caller's number is withheld (anonymous, unknown, empty…), also as a SIP URI. */
export function isWithheld(value: string): boolean {
  return isWithheldText(value.trim().replace(/^["'<]+|["'>]+$/g, '').replace(/^sips?:/i, '').replace(/@.*$/, ''));
}

/** Only the digits of a raw number: the key under which two deliveries of one call compare equal. */
export function digitsOf(value: string): string {
  return value.replace(/\D+/g, '');
}

// C0/C1 controls and Unicode line/paragraph separators: never part of a number, often log injection.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function hasControlChars(value: string): boolean {
  return CONTROL_CHARS.test(value);
}

// Besides controls: bidi marks/overrides/isolates (they reorder what the agent and the logs show) and
// unpaired surrogates (not text at all; JSON and iTop mangle them).
const BIDI_OR_LONE_SURROGATE = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Controls, bidi formatting or lone surrogates: never part of a number or an identifier. */
export function hasUnsafeChars(value: string): boolean {
  return CONTROL_CHARS.test(value) || BIDI_OR_LONE_SURROGATE.test(value);
}

/** Longest call id accepted from a bridge (PBX ids are UUIDs or short counters). */
export const MAX_CALL_ID_LENGTH = 128;

export interface RawNumber {
  /** Trimmed, otherwise exactly as received; '' when nothing usable was given. */
  readonly number: string;
  readonly withheld: boolean;
}

/**
 * Validates a raw number from any intake path: trimmed, length-limited, no control characters, no unfilled
 * macro. `where` names the input in error messages ("URL parameter phone", "frame field from").
 */
export function checkRawNumber(value: string, where: string): Result<RawNumber> {
  const number = value.trim();
  const macro = detectUnfilledMacro(number);
  if (macro !== undefined) {
    return fail(
      'unfilled-macro',
      `${where} contains the unfilled placeholder "${macro}": the phone system did not substitute it; check its URL/command configuration`,
    );
  }
  if (number.length > MAX_RAW_NUMBER_LENGTH) {
    return fail('number-too-long', `${where} is ${number.length} characters long; at most ${MAX_RAW_NUMBER_LENGTH} are accepted`);
  }
  if (hasUnsafeChars(number)) return fail('number-invalid', `${where} contains control, bidi or invalid characters`);
  return ok({ number, withheld: isWithheld(number) });
}

/** Display names are informative only: strip controls and cut to `max` instead of refusing the call. */
export function cleanDisplayName(value: string | undefined, max = 200): string | undefined {
  if (value === undefined) return undefined;
  // eslint-disable-next-line no-control-regex
  const cleaned = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  if (cleaned === '' || detectUnfilledMacro(cleaned) !== undefined) return undefined;
  // Cut by code points, not UTF-16 units, so an emoji is never split into a lone surrogate.
  const chars = Array.from(cleaned);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : cleaned;
}

/** Echo untrusted input in messages: short, and cut by code points. */
export function preview(value: string, max = 60): string {
  const chars = Array.from(value);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : value;
}
