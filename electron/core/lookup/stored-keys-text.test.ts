import { describe, expect, it } from 'vitest';
import { keyStoredNumber } from './phone-adapter';
import { fromShortStoredKeys, shortStoredKeys } from './stored-keys-text';

describe('the short text of StoredKeys', () => {
  it('gives back exactly what keyStored said, for every kind of reading that has an E.164', () => {
    for (const [raw, region, known] of [['+49 151 23456789', 'FR', false], ['01 23 45 67 89', 'FR', true], ['030 1234567', 'FR', false], ['+1 202 555 0199', 'FR', false]] as const) {
      const keys = keyStoredNumber(raw, region, known);
      if (!keys) throw new Error(`no keys for ${raw}`);
      const text = shortStoredKeys(keys);
      expect(text, raw).toBeDefined();
      expect(fromShortStoredKeys(text ?? '')).toEqual(keys);
    }
    expect(shortStoredKeys({ e164: '+33123456789', digits: '33123456789', certain: true, reading: 'international' })).toBe('0c+33123456789');
  });

  it('has no short form for keys without an E.164 or with other digits, and refuses text it did not write', () => {
    expect(shortStoredKeys({ digits: '1234', certain: false, reading: 'unreadable' })).toBeUndefined();
    expect(shortStoredKeys({ e164: '+33123456789', digits: '123', certain: false, reading: 'not-valid' })).toBeUndefined();
    expect(fromShortStoredKeys('+33123456789')).toBeUndefined();
    expect(fromShortStoredKeys('9c+33123456789')).toBeUndefined();
  });
});
