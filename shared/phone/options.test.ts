import { describe, expect, it } from 'vitest';
import { DEFAULT_PHONE_OPTIONS, parsePhoneOptions, PhoneOptionsSchema } from './options';

describe('PhoneOptionsSchema', () => {
  it('fills every default', () => {
    expect(DEFAULT_PHONE_OPTIONS).toEqual({ defaultRegion: 'FR', outsideLinePrefix: '', extensionPattern: '^\\d{2,5}$', suffixDigits: 8 });
    expect(PhoneOptionsSchema.parse({ defaultRegion: 'de', pbxInternationalPrefixRegion: ' us ' })).toMatchObject({ defaultRegion: 'DE', pbxInternationalPrefixRegion: 'US' });
  });

  it('names every offending field', () => {
    const result = parsePhoneOptions({ defaultRegion: 'ZZ', outsideLinePrefix: 'nine', extensionPattern: '([', suffixDigits: 2 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('phone.options.invalid');
    for (const field of ['defaultRegion', 'outsideLinePrefix', 'extensionPattern', 'suffixDigits']) expect(result.error.message).toContain(field);
    expect(result.error.message).toContain('"ZZ"');
  });

  it('accepts undefined as "all defaults"', () => {
    const result = parsePhoneOptions(undefined);
    expect(result.ok && result.value).toEqual(DEFAULT_PHONE_OPTIONS);
  });
});
