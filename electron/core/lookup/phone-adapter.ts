import { digitsLikePattern, displayNumber, normalizeStored, type CountryCode, type ExternalNumber } from '../../../shared/phone';
import type { StoredKeys, StoredReading } from './match-rules';

/**
 * shared/phone seen from the index: a stored number becomes its E.164 key (confirmed matches), its digits
 * (last-N-digits key) and how sure its reading is (match-rules.ts). A stored value that is not a readable
 * number but has enough digits still gets the digits key, so an oddly written number is found at least as
 * probable. `regionKnown` = the region came from the Person's Location or `phone.orgRegions`.
 */
export function keyStoredNumber(raw: string, region: string, regionKnown: boolean): StoredKeys | undefined {
  const n = normalizeStored(raw, region as CountryCode);
  if (n.kind === 'external') {
    const reading = readingOf(n, regionKnown);
    return { e164: n.e164, digits: n.digits, certain: reading === 'international' || reading === 'national-known-region', reading };
  }
  if (n.kind === 'invalid') {
    const digits = raw.replace(/\D/g, '');
    return digits.length > 0 ? { digits, certain: false, reading: 'unreadable' } : undefined;
  }
  return undefined;
}

function readingOf(n: ExternalNumber, regionKnown: boolean): StoredReading {
  if (!n.valid) return 'not-valid';
  if (n.alternative !== undefined || n.route === 'bare-country-code') return 'ambiguous';
  if (n.route === 'plus' || n.route === 'idd') return 'international';
  return regionKnown ? 'national-known-region' : 'national-default-region';
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
