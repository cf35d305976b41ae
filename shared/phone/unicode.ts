/**
 * Folds what copy-paste, mobile keyboards and CJK input methods put into numbers down to ASCII, so the rest
 * of the pipeline only sees `+`, digits, ASCII separators and text.
 */

// Code points of "0" in the decimal-digit blocks people actually paste (fullwidth, Arabic-Indic,
// Eastern Arabic-Indic/Persian, Devanagari, Bengali); the nine digits follow each zero contiguously.
const DIGIT_ZEROS = [0xff10, 0x0660, 0x06f0, 0x0966, 0x09e6];

const SYMBOLS: Readonly<Record<string, string>> = {
  '\uff0b': '+', // fullwidth plus
  '\uff08': '(',
  '\uff09': ')',
  '\uff0d': '-',
  '\uff0e': '.',
  '\uff0f': '/',
  '\uff3b': '[',
  '\uff3d': ']',
  '\uff03': '#',
  '\uff1a': ':',
  '\uff20': '@',
  '\u2212': '-', // minus sign
};

// Invisible characters (zero-width, bidi marks, BOM, soft hyphen) that Outlook/Excel/web pages leave behind.
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
// Every Unicode space (NBSP, narrow NBSP, thin space, ideographic space…) and control whitespace.
const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
const DASHES = /[\u2010-\u2015]/g;
const NON_ASCII_OR_CONTROL = /[^\x20-\x7e]/;

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  for (const zero of DIGIT_ZEROS) {
    if (code >= zero && code <= zero + 9) return String(code - zero);
  }
  return SYMBOLS[ch] ?? ch;
}

/** ASCII digits and separators, single spaces, trimmed. Cheap when the text is already plain ASCII. */
export function foldToAscii(text: string): string {
  if (!NON_ASCII_OR_CONTROL.test(text)) return text.trim();
  return text
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .replace(DASHES, '-')
    .replace(/[^\x20-\x7e]/g, foldChar)
    .trim();
}

/** True when `text` holds a percent-escape such as %2B or %20 (numbers taken from URLs). */
export function hasPercentEscape(text: string): boolean {
  return /%[0-9a-f]{2}/i.test(text);
}

/** Decodes %XX escapes; malformed UTF-8 sequences fall back to decoding the ASCII ones only. */
export function percentDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/%([0-7][0-9a-f])/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}
