import { describe, expect, it } from 'vitest';
import { createAsYouType, formatDialString } from './dial';
import { PhoneOptionsSchema } from './options';

const fr = PhoneOptionsSchema.parse({ defaultRegion: 'FR', outsideLinePrefix: '0' });
const us = PhoneOptionsSchema.parse({ defaultRegion: 'US', outsideLinePrefix: '9' });
const value = (r: ReturnType<typeof formatDialString>) => (r.ok ? r.value : `error:${r.error.code}`);

describe('formatDialString', () => {
  it('gives the four forms for a domestic FR number', () => {
    expect(value(formatDialString('+33123456789', 'e164', fr))).toBe('+33123456789');
    expect(value(formatDialString('+33123456789', 'national', fr))).toBe('0123456789');
    expect(value(formatDialString('+33123456789', 'international-idd', fr))).toBe('0033123456789');
    expect(value(formatDialString('+33123456789', 'outside-line', fr))).toBe('00123456789');
  });

  it('dials foreign numbers with the IDD of the PBX region', () => {
    expect(value(formatDialString('+442079460958', 'national', fr))).toBe('00442079460958');
    expect(value(formatDialString('+442079460958', 'international-idd', us))).toBe('011442079460958');
    expect(value(formatDialString('+442079460958', 'outside-line', us))).toBe('9011442079460958');
    const usPbxInFr = PhoneOptionsSchema.parse({ defaultRegion: 'FR', pbxInternationalPrefixRegion: 'US' });
    expect(value(formatDialString('+33123456789', 'international-idd', usPbxInFr))).toBe('01133123456789');
  });

  it('keeps NANP numbers national across the +1 zone', () => {
    expect(value(formatDialString('+14155550100', 'national', us))).toBe('4155550100');
    expect(value(formatDialString('+16135550123', 'outside-line', us))).toBe('96135550123');
  });

  it('refuses what is not E.164, with a clear error', () => {
    for (const bad of ['0123456789', '+0123', '', '+33 1 23 45 67 89', '+999123456789']) {
      const result = formatDialString(bad, 'e164', fr);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toContain(bad);
    }
    expect(value(formatDialString('+33123456789', 'morse' as never, fr))).toBe('error:phone.dial.bad-format');
  });
});

describe('createAsYouType', () => {
  it('formats the whole field content each time and reports E.164 once possible', () => {
    const dialer = createAsYouType('FR');
    expect(dialer.input('0612')).toEqual({ formatted: '06 12' });
    expect(dialer.input('0612345678')).toEqual({ formatted: '06 12 34 56 78', e164: '+33612345678' });
    expect(dialer.input('+4930123456')).toEqual({ formatted: '+49 30 123456', e164: '+4930123456' });
    expect(dialer.input('０６１２３４５６７８').e164).toBe('+33612345678');
    expect(dialer.input('204')).toEqual({ formatted: '204' });
  });

  it('does not throw on an unknown region or hostile text', () => {
    const dialer = createAsYouType('XX' as never);
    expect(dialer.input('+33612345678').e164).toBe('+33612345678');
    expect(dialer.input('\u0000%{}'.repeat(50)).e164).toBeUndefined();
  });
});
