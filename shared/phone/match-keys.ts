import type { NormalizedNumber } from './types';
import { foldToAscii } from './unicode';

/** Keys for the local phone index: exact E.164 (identity evidence) and last-N digits (only "probable"). */
export interface MatchKeys {
  readonly e164?: string;
  /** Last N digits of the national significant number; absent when the number is shorter than N. */
  readonly suffix?: string;
  /** For internal numbers: iTop persons store colleagues' extensions as "ext 1234". */
  readonly extension?: string;
}

export function matchKeys(n: NormalizedNumber, suffixDigits: number): MatchKeys {
  switch (n.kind) {
    case 'external': {
      // Both sides need at least N digits, or short numbers (voicemail 888) would collide with everything.
      const usable = Number.isInteger(suffixDigits) && suffixDigits > 0 && n.nsn.length >= suffixDigits;
      return usable ? { e164: n.e164, suffix: n.nsn.slice(-suffixDigits) } : { e164: n.e164 };
    }
    case 'internal':
      return { extension: n.extension };
    default:
      return {};
  }
}

/**
 * "%0%1%2%3%" for an OQL LIKE that tolerates any separators between the digits (OQL has no REPLACE()).
 * Contains only digits and "%", so it is safe inside a quoted OQL string. Undefined when there are no
 * digits: a bare "%" would match every person.
 */
export function digitsLikePattern(raw: string): string | undefined {
  const digits = foldToAscii(raw).replace(/\D/g, '');
  if (digits === '') return undefined;
  return `%${digits.split('').join('%')}%`;
}
