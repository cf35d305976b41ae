import { unwrapAddress } from './address';
import { findUnfilledMacro, isAllZeros, isWithheldText } from './signals';
import type { StepRecorder } from './types';
import { foldToAscii, hasPercentEscape, percentDecode } from './unicode';

/** What is left of a raw value once the text around the number is gone. */
export type CleanedText =
  | { readonly kind: 'number'; readonly plus: boolean; readonly digits: string; readonly ext?: string }
  | { readonly kind: 'extension-only'; readonly extension: string }
  | { readonly kind: 'withheld' }
  | { readonly kind: 'unfilled-macro' }
  | { readonly kind: 'invalid'; readonly reason: string };

/** Longer than any number with SIP decoration: reject before running any regex over it. */
const MAX_TEXT_LENGTH = 400;
const MAX_DIGITS = 24;

// Extension written after the number: "x204", "ext. 12", "poste 212", "Durchwahl 3", ";ext=12", ",,212"
// (DTMF pauses). Never "-12": in DE/AT "030 1234574-12" is a direct-dial number (+4930123457412).
const EXTENSION_SUFFIX =
  /(?:;ext=|,+|#|(?<![a-z])(?:ext(?:ension|n)?|x|poste|durchwahl|dw|nst)(?![a-z])\.?\s*[:.=]?)\s*(\d{1,8})\s*$/i;
const TRUNK_IN_PARENS = /(?<=\d[\s.\-/]*)\(0\)/g;
const SEPARATORS = /[\s.\-/()[\]]+/g;

// Most stored numbers are just digits, "+" and separators: they skip the text-level checks.
const PLAIN_NUMBER = /^[\d +.\-/()]*$/;

export function cleanNumberText(raw: string, note?: StepRecorder): CleanedText {
  if (raw.length > MAX_TEXT_LENGTH) return { kind: 'invalid', reason: `longer than ${MAX_TEXT_LENGTH} characters` };
  if (!note && PLAIN_NUMBER.test(raw)) return readBody(raw.trim(), undefined);
  let text = foldToAscii(raw);
  if (text !== raw.trim()) note?.(`folded unicode (spaces, dashes, fullwidth digits) → "${text}"`);
  if (findUnfilledMacro(text)) return macro(text, note);
  if (hasPercentEscape(text)) {
    text = foldToAscii(percentDecode(text));
    note?.(`percent-decoded → "${text}"`);
    if (findUnfilledMacro(text)) return macro(text, note);
  }
  if (isWithheldText(text)) return withheld(note);

  const address = unwrapAddress(text, note);
  text = address.text;
  if (isWithheldText(text)) return withheld(note);

  let ext = address.ext;
  const extMatch = EXTENSION_SUFFIX.exec(text);
  if (extMatch?.[1] !== undefined) {
    ext = extMatch[1];
    text = text.slice(0, extMatch.index).trim();
    note?.(`extension "${ext}" kept apart`);
    if (!/\d/.test(text)) return { kind: 'extension-only', extension: ext };
  }
  return readBody(text, ext, note);
}

function readBody(text: string, ext: string | undefined, note?: StepRecorder): CleanedText {
  const first = text.search(/[+\d]/);
  if (first < 0) return isWithheldText(text) ? withheld(note) : { kind: 'invalid', reason: `no digits in "${text}"` };
  const lastDigit = text.search(/\d[^\d]*$/);
  if (lastDigit < 0) return withheld(note); // only a "+"
  // Letters glued to the digits ("1-800-FLOWERS") are a vanity number, not a note after the number.
  if (/^[-./]?\p{L}/u.test(text.slice(lastDigit + 1))) {
    return { kind: 'invalid', reason: `letters glued to the number in "${text}" (vanity numbers are not supported)` };
  }
  let body = text.slice(first, lastDigit + 1);
  if (body !== text) note?.(`ignored the text around the number: "${body}"`);
  const withoutTrunk = body.replace(TRUNK_IN_PARENS, ' ');
  if (withoutTrunk !== body) {
    body = withoutTrunk;
    note?.('removed the optional trunk prefix "(0)"');
  }
  const compact = body.replace(SEPARATORS, '');
  const stray = /[^\d+]/.exec(compact);
  if (stray) return { kind: 'invalid', reason: `unexpected "${stray[0]}" inside the number "${body}"` };
  const plus = compact.startsWith('+');
  const digits = compact.replace(/^\++/, '');
  if (digits.includes('+')) return { kind: 'invalid', reason: `"+" in the middle of "${body}"` };
  if (isAllZeros(digits)) return withheld(note);
  if (digits.length > MAX_DIGITS) return { kind: 'invalid', reason: `${digits.length} digits is longer than any phone number` };
  return ext === undefined ? { kind: 'number', plus, digits } : { kind: 'number', plus, digits, ext };
}

function macro(text: string, note?: StepRecorder): CleanedText {
  note?.(`"${findUnfilledMacro(text) ?? text}" is a placeholder the PBX did not fill in`);
  return { kind: 'unfilled-macro' };
}

function withheld(note?: StepRecorder): CleanedText {
  note?.('no number: the caller withheld it');
  return { kind: 'withheld' };
}
