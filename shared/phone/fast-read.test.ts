import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastInternational, fastNational } from './fast-read';
import { regionPlan, tryParse, type CountryCode } from './metadata';

// Differential test: the RegExp-caching fast path must agree with libphonenumber-js whenever it answers.
const CODES = ['1', '7', '33', '49', '44', '41', '32', '39', '61', '81', '86', '90', '262', '352', '381', '590', '800', '882', '971'];
const REGIONS: CountryCode[] = ['FR', 'DE', 'GB', 'US', 'CH', 'BE', 'IT', 'AU', 'JP', 'RU', 'CA', 'BR', 'AR', 'MX', 'JE'];

describe('fast path agrees with libphonenumber-js', () => {
  it('fastInternational("+digits")', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.constantFrom(...CODES), fc.stringMatching(/^[0-9]{4,13}$/), (code, rest) => {
        const digits = code + rest;
        const fast = fastInternational(digits);
        if (!fast) return;
        answered++;
        const lib = tryParse(`+${digits}`);
        expect(lib?.isPossible()).toBe(true);
        expect({ e164: lib?.number, nsn: lib?.nationalNumber, country: lib?.country, valid: lib?.isValid(), cc: lib?.countryCallingCode }).toEqual({
          e164: fast.e164, nsn: fast.nsn, country: fast.country, valid: fast.valid, cc: fast.callingCode,
        });
      }),
      { numRuns: 3000 },
    );
    expect(answered).toBeGreaterThan(300); // the fast path must actually be used
  });

  it('fastNational(digits, region)', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.constantFrom(...REGIONS), fc.stringMatching(/^[0-9]{6,13}$/), (region, digits) => {
        const plan = regionPlan(region);
        if (digits.startsWith(plan.callingCode) || plan.iddPattern.test(digits)) return; // callers exclude these
        const fast = fastNational(digits, region, plan.callingCode);
        if (!fast) return;
        answered++;
        const lib = tryParse(digits, region);
        expect({ e164: lib?.number, country: lib?.country, valid: lib?.isValid(), possible: lib?.isPossible() }).toEqual({
          e164: fast.e164, country: fast.country, valid: fast.valid, possible: true,
        });
      }),
      { numRuns: 3000 },
    );
    expect(answered).toBeGreaterThan(300);
  });

  it('agrees on realistic numbers of the team regions', () => {
    for (const raw of ['33123456789', '4915123456789', '442079460958', '14155550100', '41446681800', '3225551234', '16135550123', '447624369230']) {
      const fast = fastInternational(raw);
      const lib = tryParse(`+${raw}`);
      expect(fast?.e164).toBe(lib?.number);
      expect(fast?.country).toBe(lib?.country);
      expect(fast?.valid).toBe(true);
    }
  });
});
