import { describe, expect, it } from 'vitest';
import { normalizeIncoming, DEFAULT_PHONE_OPTIONS, type ExternalNumber } from '../../../shared/phone';
import { judgeStored, receivedOf, type StoredKeys } from './match-rules';
import { keyStoredNumber } from './phone-adapter';

const stored = (raw: string, region = 'FR', known = false): StoredKeys => {
  const keys = keyStoredNumber(raw, region, known);
  if (!keys) throw new Error(`${raw} is not keyed`);
  return keys;
};
const received = (raw: string) => receivedOf(normalizeIncoming(raw, DEFAULT_PHONE_OPTIONS) as ExternalNumber);

describe('how sure a stored number is', () => {
  it('is certain when written internationally, or national in a known region', () => {
    expect(stored('+49 151 23456789')).toMatchObject({ e164: '+4915123456789', certain: true, reading: 'international' });
    expect(stored('0049 30 1234570')).toMatchObject({ certain: true, reading: 'international' });
    expect(stored('030/1234568', 'DE', true)).toMatchObject({ e164: '+49301234568', certain: true, reading: 'national-known-region' });
  });

  it('is uncertain when read only with the default region, not valid, or not readable', () => {
    expect(stored('030 1234567')).toMatchObject({ e164: '+33301234567', certain: false, reading: 'national-default-region' });
    expect(stored('+44 20 2345 6789')).toMatchObject({ e164: '+442023456789', certain: false, reading: 'not-valid' });
    expect(stored('n/a 12 34 56 78 90 12 34 56 78')).toMatchObject({ certain: false, reading: 'unreadable' });
  });
});

describe('the matching rules', () => {
  it('confirms the same E.164, certain or not', () => {
    expect(judgeStored(stored('030 1234567'), received('+33301234567'), 8)).toEqual({ confidence: 'confirmed', reason: 'same-number' });
    expect(judgeStored(stored('+33 1 23 45 67 89'), received('0123456789'), 8)).toEqual({ confidence: 'confirmed', reason: 'same-number' });
  });

  it('never matches two certain numbers with different E.164, whatever their last digits', () => {
    expect(judgeStored(stored('+49 151 23456789'), received('+33123456789'), 8)).toBeUndefined();
    expect(judgeStored(stored('06 23 45 67 89', 'FR', true), received('+33123456789'), 8)).toBeUndefined();
  });

  it('gives probable when the last N digits match and one side is uncertain', () => {
    expect(judgeStored(stored('030 1234567'), received('+49301234567'), 8)).toEqual({ confidence: 'probable', reason: 'last-digits-uncertain-stored' });
    const ambiguous = { e164: '+33123456789', uncertain: true };
    expect(judgeStored(stored('+49 151 23456789'), ambiguous, 8)).toEqual({ confidence: 'probable', reason: 'last-digits-uncertain-received' });
    expect(judgeStored(stored('+49 151 23456789'), { ...ambiguous, alternative: '+4915123456789' }, 8)).toEqual({ confidence: 'probable', reason: 'other-reading' });
    // Different last digits: nothing, even for an uncertain stored number.
    expect(judgeStored(stored('030 1234567'), received('+49301234568'), 8)).toBeUndefined();
  });
});
