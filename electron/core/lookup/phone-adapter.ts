import { digitsLikePattern, displayNumber, normalizeStored, type CountryCode, type ExternalNumber } from '../../../shared/phone';
import type { StoredKeys } from './phone-index';

/**
 * shared/phone seen from the index: a stored number becomes its E.164 key (confirmed matches) and its
 * digits (last-N-digits key, probable matches). A stored value that is not a readable number but has
 * enough digits still gets the digits key, so an oddly written number is found at least as probable.
 */
export function keyStoredNumber(raw: string, region: string): StoredKeys | undefined {
  const n = normalizeStored(raw, region as CountryCode);
  if (n.kind === 'external') return { e164: n.e164, digits: n.digits };
  if (n.kind === 'invalid') {
    const digits = raw.replace(/\D/g, '');
    return digits.length > 0 ? { digits } : undefined;
  }
  return undefined;
}

/** A stored number as the agent reads it: national form in the home country, international otherwise. */
export function displayStoredNumber(raw: string, region: string, homeRegion: string): string {
  const n = normalizeStored(raw, region as CountryCode);
  return n.kind === 'external' ? displayNumber(n, homeRegion as CountryCode) : raw;
}

/** `:phone_digits_like`: the received text's digits with `%` around and between (OQL has no REPLACE). */
export function digitsLikeOf(raw: string, number: ExternalNumber): string {
  return digitsLikePattern(raw) ?? `%${[...number.nsn].join('%')}%`;
}
