import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeIncoming, normalizeStored } from './normalize';
import { NORMALIZED_KINDS, NormalizedNumberSchema, type NormalizedNumber } from './types';
import { PhoneOptionsSchema } from './options';

const REGIONS = ['FR', 'DE', 'GB', 'US', 'CH', 'BE', 'IT', 'AU', 'JP', 'RU'] as const;
const E164 = /^\+[1-9]\d{6,14}$/;

// Hostile text: arbitrary unicode, plus strings built from the characters numbers are made of.
const numberish = fc
  .array(fc.constantFrom(...'0123456789+()-./ x;:@%#$,{}\u00a0\uff10\uff13sip:tel:ext=phone-context'.split('')), { maxLength: 40 })
  .map((chars) => chars.join(''));
const hostile = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 }), numberish, fc.string({ maxLength: 1000 }));
const options = fc.record({
  defaultRegion: fc.constantFrom(...REGIONS),
  outsideLinePrefix: fc.constantFrom('', '0', '9'),
  pbxInternationalPrefixRegion: fc.option(fc.constantFrom(...REGIONS), { nil: undefined }),
});

function checkShape(result: NormalizedNumber): void {
  expect(NORMALIZED_KINDS).toContain(result.kind);
  expect(NormalizedNumberSchema.safeParse(result).success).toBe(true);
  if (result.kind === 'external') {
    expect(result.e164).toMatch(E164);
    if (result.alternative) expect(result.alternative).toMatch(E164);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  }
}

describe('normalization never throws and always returns a union member', () => {
  it('normalizeIncoming on arbitrary strings', () => {
    fc.assert(
      fc.property(hostile, options, (raw, opts) => {
        checkShape(normalizeIncoming(raw, PhoneOptionsSchema.parse(opts)));
      }),
      { numRuns: 1500 },
    );
  });

  it('normalizeStored on arbitrary strings', () => {
    fc.assert(
      fc.property(hostile, fc.constantFrom(...REGIONS), (raw, region) => {
        checkShape(normalizeStored(raw, region));
      }),
      { numRuns: 1500 },
    );
  });

  it('any digit string with "+" or "00" gives a proper E.164 or a non-external kind', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^(\+|00|011)?[0-9]{1,18}$/), fc.constantFrom(...REGIONS), (raw, region) => {
        checkShape(normalizeStored(raw, region));
        checkShape(normalizeIncoming(raw, PhoneOptionsSchema.parse({ defaultRegion: region })));
      }),
      { numRuns: 1500 },
    );
  });

  it('separators never change the result', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+?[0-9]{6,14}$/), fc.constantFrom(...REGIONS), fc.constantFrom(' ', '.', '-', '/', '\u00a0'), (raw, region, sep) => {
        const spaced = raw.replace(/(\d{2})(?=\d)/g, `$1${sep}`);
        const withoutRaw = (n: NormalizedNumber) => (n.kind === 'invalid' ? n.kind : n);
        expect(withoutRaw(normalizeStored(spaced, region))).toEqual(withoutRaw(normalizeStored(raw, region)));
      }),
      { numRuns: 500 },
    );
  });

  it('bad region / non-string input gives "invalid", not an exception', () => {
    expect(normalizeStored('0123456789', 'XX' as never).kind).toBe('invalid');
    expect(normalizeIncoming(42 as never, PhoneOptionsSchema.parse({})).kind).toBe('invalid');
    expect(normalizeIncoming('0123456789', { ...PhoneOptionsSchema.parse({}), extensionPattern: '(' }).kind).toBe('invalid');
  });
});
