import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateConfig } from '../config';
import { MAX_DEEP_LINK_LENGTH } from '../cti/deep-link';
import { hasControlChars } from '../cti/raw-number';
import { needsConfirmation, readDialLink } from './deep-link-dial';
import { prepareNumber } from './prepare-number';

const phone = validateConfig({ phone: { defaultRegion: 'FR' }, cti: { token: 'x'.repeat(24) } }, { agentTimeZone: 'Europe/Paris' }).config.phone;
/** What a browser does with iTop's `sprintf('itop-cti://dial?number=%1$s', raw)` link: spaces → %20, "+" untouched. */
const asBrowserSends = (raw: string) => `itop-cti://dial?number=${raw.replace(/ /g, '%20')}`;
const e164Of = (url: string) => {
  const link = readDialLink(url);
  if (!link.ok) return `error:${link.error.code}`;
  const prepared = prepareNumber(link.value.number, 'e164', phone);
  return prepared.ok ? prepared.value.e164 : `error:${prepared.error.code}`;
};

describe('readDialLink', () => {
  it('keeps the "+" of iTop-rendered links, encoded by a browser or not', () => {
    expect(readDialLink(asBrowserSends('+33 1 23 45 67 89'))).toEqual({ ok: true, value: { number: '+33 1 23 45 67 89' } });
    expect(e164Of('itop-cti://dial?number=+33 1 23 45 67 89')).toBe('+33123456789');
    expect(e164Of('itop-cti://dial?number=%2B33%201%2023%2045%2067%2089&ticket=R-000002')).toBe('+33123456789');
    expect(readDialLink('itop-cti://dial?number=%2B33123456789&ticket=R-000002')).toEqual({ ok: true, value: { number: '+33123456789', ticket: 'R-000002' } });
    expect(e164Of('tel:+33-1-23-45-67-89')).toBe('+33123456789');
    expect(e164Of('callto://+33123456789')).toBe('+33123456789');
    expect(e164Of('sip:+33123456789@pbx.example;user=phone')).toBe('+33123456789');
  });

  it('refuses malicious, overlong and wrong-kind links', () => {
    for (const [url, code] of [
      ['javascript:alert(1)', 'deep-link-unsupported-scheme'],
      ['itop-cti://dial?number=%2B33%0A123', 'number-invalid'],
      ['itop-cti://dial?number=+33\n123', 'deep-link-invalid'],
      [`itop-cti://dial?number=${'1'.repeat(MAX_DEEP_LINK_LENGTH)}`, 'deep-link-too-long'],
      ['itop-cti://dial?number=1&ticket=%27%20OR%201%3D1', 'deep-link-invalid-ticket'],
      ['itop-cti://dial?number=%25CallerNumber%25', 'unfilled-macro'],
      ['itop-cti://call?phone=0123456789', 'dial.not-a-dial-link'],
      ['itop-cti://dial?number=', 'dial-number-missing'],
    ] as const) {
      expect(readDialLink(url), url).toMatchObject({ ok: false, error: { code } });
    }
    // A double-encoded "+" (%252B → %2B) is still read as "+" by shared/phone, never as a space.
    expect(e164Of('itop-cti://dial?number=%252B33123456789')).toBe('+33123456789');
    expect(e164Of('itop-cti://dial?number="+33 1 23 45 67 89"')).toBe('+33123456789');
    expect(e164Of('itop-cti://dial?number=+33 1 23 45 67 89\u202e')).toMatch(/^error:|^\+33123456789$/);
  });

  it('property: every FR/DE/GB/US number in international form survives the iTop → browser → app path', () => {
    const numbers = fc.oneof(
      fc.integer({ min: 100_000_000, max: 799_999_999 }).map((n) => `+33 ${String(n).replace(/^(\d)(\d\d)(\d\d)(\d\d)(\d\d)$/, '$1 $2 $3 $4 $5')}`),
      fc.integer({ min: 1_000_000, max: 9_999_999 }).map((n) => `+49 30 ${n}`),
      fc.integer({ min: 1_000_000, max: 9_999_999 }).map((n) => `+44 20 7${String(n).slice(0, 3)} ${String(n).slice(3)}`),
      fc.integer({ min: 2_000_000, max: 9_999_999 }).map((n) => `+1 415 ${String(n).slice(0, 3)}-${String(n).slice(3)}`),
    );
    fc.assert(
      fc.property(numbers, (raw) => {
        const digits = `+${raw.replace(/\D/g, '')}`;
        expect(e164Of(asBrowserSends(raw))).toBe(digits);
        expect(e164Of(`itop-cti://dial?number=${raw}`)).toBe(digits);
      }),
      { numRuns: 300 },
    );
  });

  it('property: arbitrary hostile links never throw and never yield control characters', () => {
    const hostile = fc.tuple(
      fc.constantFrom('itop-cti://dial?number=', 'itop-cti://dial?ticket=1&number=', 'tel:', 'callto:', 'sip:', 'javascript:', ''),
      fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 3000 }), fc.constantFrom('%0A', '%00', '%E2%80%A8', '%C0%AF', '%ZZ', '%', '%%2B', '\u2028')),
    );
    fc.assert(
      fc.property(hostile, ([prefix, rest]) => {
        const link = readDialLink(prefix + rest);
        if (link.ok) {
          expect(hasControlChars(link.value.number)).toBe(false);
          expect(link.value.number.length).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('needsConfirmation', () => {
  it('only dials from the app itself go out without the agent confirming', () => {
    expect(needsConfirmation('app')).toBe(false);
    expect(needsConfirmation('deep-link')).toBe(true);
  });
});
