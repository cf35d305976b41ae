import type { ExternalNumber } from '../../../shared/phone';

/**
 * How sure the reading of a stored number is. `certain` readings know their country: written
 * internationally, or national in a region the Person's Location / `phone.orgRegions` gives. Everything
 * else is a guess: national read with `phone.defaultRegion` only, digits that read two ways, a number no
 * plan validates, or too few digits.
 */
export const STORED_READINGS = ['international', 'national-known-region', 'national-default-region', 'ambiguous', 'not-valid', 'unreadable'] as const;
export type StoredReading = (typeof STORED_READINGS)[number];

/** How a stored number was keyed: E.164 when it could be read, its digits, and how sure that reading is. */
export interface StoredKeys {
  readonly e164?: string;
  /** All digits of the number (of the E.164 when known), for the last-N-digits key. */
  readonly digits: string;
  /** True for a valid number whose country is known; only uncertain numbers may match on last digits alone. */
  readonly certain: boolean;
  readonly reading: StoredReading;
}

/**
 * Why a Person matched:
 * - same-number: the received E.164 equals the stored number's E.164 as read (confirmed, certain or not);
 * - other-reading: the stored number equals the other reading of a received digit string that reads two ways;
 * - last-digits-uncertain-stored: only the last N digits are equal and the stored number is uncertain;
 * - last-digits-uncertain-received: only the last N digits are equal and the received number is uncertain;
 * - caller-query: the admin's caller query returned the Person, but none of its numbers matched.
 */
export type MatchReason = 'same-number' | 'other-reading' | 'last-digits-uncertain-stored' | 'last-digits-uncertain-received' | 'caller-query';

export interface MatchVerdict {
  readonly confidence: 'confirmed' | 'probable';
  readonly reason: MatchReason;
}

/** The received number as the rules see it. */
export interface ReceivedNumber {
  readonly e164: string;
  /** The other valid reading of a bare digit string, if any. */
  readonly alternative?: string;
  /** True when the number reads two ways or no numbering plan validates it: its country is a guess. */
  readonly uncertain: boolean;
}

export function receivedOf(number: ExternalNumber): ReceivedNumber {
  return {
    e164: number.e164,
    ...(number.alternative ? { alternative: number.alternative } : {}),
    uncertain: number.alternative !== undefined || !number.valid,
  };
}

export const lastDigits = (e164: string, n: number): string | undefined => {
  const digits = e164.replace(/\D/g, '');
  return digits.length >= n ? digits.slice(-n) : undefined;
};

/**
 * The matching rules, for one stored number: confirmed = same E.164; probable = the other reading of an
 * ambiguous received number, or the same last N digits when at least one side is uncertain. Two certain
 * numbers whose E.164 differ never match, whatever their last digits (+33 1 23 45 67 89 is not
 * +49 151 23456789, and 01 23 45 67 89 is not 06 23 45 67 89).
 */
export function judgeStored(stored: StoredKeys, received: ReceivedNumber, suffixDigits: number): MatchVerdict | undefined {
  if (stored.e164 !== undefined && stored.e164 === received.e164) return { confidence: 'confirmed', reason: 'same-number' };
  if (stored.e164 !== undefined && stored.e164 === received.alternative) return { confidence: 'probable', reason: 'other-reading' };
  // Short numbers (switchboard 3-digit codes) would collide with everything: no last-digits match for them.
  if (stored.digits.length < suffixDigits) return undefined;
  const tail = stored.digits.slice(-suffixDigits);
  const sameTail = tail === lastDigits(received.e164, suffixDigits) || (received.alternative !== undefined && tail === lastDigits(received.alternative, suffixDigits));
  if (!sameTail) return undefined;
  if (!stored.certain) return { confidence: 'probable', reason: 'last-digits-uncertain-stored' };
  if (received.uncertain) return { confidence: 'probable', reason: 'last-digits-uncertain-received' };
  return undefined;
}

/** The better of two verdicts: confirmed over probable, else the first. */
export function better(a: MatchVerdict | undefined, b: MatchVerdict | undefined): MatchVerdict | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.confidence === 'confirmed' && a.confidence !== 'confirmed' ? b : a;
}
