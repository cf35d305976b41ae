import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateConfig } from '../config';
import type { DialFormat } from '../phone';
import { prepareNumber } from './prepare-number';

const configs = new Map<string, ReturnType<typeof validateConfig>['config']['phone']>();
const phoneOf = (defaultRegion: string, outsideLinePrefix = '') => {
  const key = `${defaultRegion}/${outsideLinePrefix}`;
  const phone = configs.get(key) ?? validateConfig({ phone: { defaultRegion, outsideLinePrefix }, cti: { token: 'x'.repeat(24) } }, { agentTimeZone: 'Europe/Paris' }).config.phone;
  configs.set(key, phone);
  return phone;
};

const FORMATS: readonly DialFormat[] = ['e164', 'national', 'international-idd', 'outside-line'];
const dial = (raw: string, region: string, prefix: string) =>
  FORMATS.map((format) => {
    const r = prepareNumber(raw, format, phoneOf(region, prefix));
    return r.ok ? r.value.dialString : `error:${r.error.code}`;
  });

describe('prepareNumber: every dial format for FR, DE, GB, US', () => {
  it.each([
    // [home region, outside-line prefix, number as stored, e164, national, international-idd, outside-line]
    ['FR', '0', '+33 1 23 45 67 89', '+33123456789', '0123456789', '0033123456789', '00123456789'],
    ['FR', '0', '01 23 45 67 89', '+33123456789', '0123456789', '0033123456789', '00123456789'],
    ['DE', '0', '030/1234567', '+49301234567', '0301234567', '0049301234567', '00301234567'],
    ['DE', '0', '+49 (0)30 1234567', '+49301234567', '0301234567', '0049301234567', '00301234567'],
    ['GB', '9', '020 7946 0958', '+442079460958', '02079460958', '00442079460958', '902079460958'],
    ['US', '9', '(415) 555-0100', '+14155550100', '4155550100', '01114155550100', '94155550100'],
    // Foreign numbers have no national form: the PBX region's IDD is used.
    ['FR', '0', '+44 20 7946 0958', '+442079460958', '00442079460958', '00442079460958', '000442079460958'],
    ['US', '9', '+33 1 23 45 67 89', '+33123456789', '01133123456789', '01133123456789', '901133123456789'],
    ['DE', '0', '+1 415 555 0100', '+14155550100', '0014155550100', '0014155550100', '00014155550100'],
  ])('%s (prefix %s): %s', (region, prefix, raw, ...expected) => {
    expect(dial(raw, region, prefix)).toEqual(expected);
  });

  it('shows the national form at home and the international form abroad, with the stored extension', () => {
    expect(prepareNumber('+33 (0)1 23 45 67 89 poste 12', 'e164', phoneOf('FR'))).toEqual({
      ok: true, value: { raw: '+33 (0)1 23 45 67 89 poste 12', kind: 'external', e164: '+33123456789', display: '01 23 45 67 89 ext. 12', dialString: '+33123456789' },
    });
    expect(prepareNumber('+44 20 7946 0958', 'national', phoneOf('FR'))).toMatchObject({ ok: true, value: { display: '+44 20 7946 0958' } });
  });

  it('reads a number in the callee region when given (a German colleague stored 030…)', () => {
    expect(prepareNumber('030 1234567', 'e164', phoneOf('FR'), 'DE')).toMatchObject({ ok: true, value: { e164: '+49301234567' } });
  });

  it('dials internal extensions as they are, in every format', () => {
    expect(dial('204', 'FR', '0')).toEqual(['204', '204', '204', '204']);
  });

  it('refuses what is not a number, saying why', () => {
    for (const [raw, code] of [
      ['', 'dial.no-number'], ['anonymous', 'dial.no-number'], ['%CallerNumber%', 'unfilled-macro'], ['abc', 'dial.invalid-number'],
      ['+33 1 23\n45', 'number-invalid'], ['1'.repeat(101), 'number-too-long'],
    ] as const) {
      expect(prepareNumber(raw, 'e164', phoneOf('FR'))).toMatchObject({ ok: false, error: { code } });
    }
  });

  it('never throws, and a dial string is only digits, * or # after an optional +', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), fc.constantFrom(...FORMATS), fc.constantFrom('FR', 'DE', 'GB', 'US'), (raw, format, region) => {
        const result = prepareNumber(raw, format, phoneOf(region, '0'));
        if (result.ok) expect(result.value.dialString).toMatch(/^\+?[0-9*#]{1,40}$/);
      }),
      { numRuns: 300 },
    );
  });
});
