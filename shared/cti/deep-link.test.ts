import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_DEEP_LINK_LENGTH, parseDeepLink } from './deep-link';

describe('parseDeepLink: itop-cti://call', () => {
  it('reads an incoming call with name', () => {
    expect(parseDeepLink('itop-cti://call?phone=%2B33%201%2023%2045%2067%2089&name=Ren%C3%A9e%20Dupont')).toEqual({
      ok: true,
      value: { kind: 'incoming-call', number: '+33 1 23 45 67 89', withheld: false, displayName: 'Renée Dupont' },
    });
  });

  it('accepts scheme and action in any case, with or without // and a trailing slash', () => {
    expect(parseDeepLink('ITOP-CTI:Call/?phone=4711')).toMatchObject({ ok: true, value: { kind: 'incoming-call', number: '4711' } });
  });

  it('flags withheld callers', () => {
    expect(parseDeepLink('itop-cti://call?phone=anonymous')).toMatchObject({ ok: true, value: { withheld: true, number: 'anonymous' } });
    expect(parseDeepLink('itop-cti://call?phone=')).toMatchObject({ ok: true, value: { withheld: true } });
  });

  it('refuses a missing phone and an unfilled macro with a clear message', () => {
    expect(parseDeepLink('itop-cti://call?name=x')).toMatchObject({ ok: false, error: { code: 'deep-link-missing-parameter' } });
    const macro = parseDeepLink('itop-cti://call?phone=%CallerNumber%');
    expect(macro).toMatchObject({ ok: false, error: { code: 'unfilled-macro' } });
    if (!macro.ok) expect(macro.error.message).toContain('%CallerNumber%');
  });
});

describe('parseDeepLink: dial links', () => {
  it('keeps a literal + and decodes %20 (itop-cti://dial?number=+33 1 23 45 67 89)', () => {
    expect(parseDeepLink('itop-cti://dial?number=+33%201%2023%2045%2067%2089&ticket=R-000123')).toEqual({
      ok: true,
      value: { kind: 'dial', number: '+33 1 23 45 67 89', ticket: 'R-000123' },
    });
  });

  it.each([
    ['tel:+33123456789', '+33123456789'],
    ['tel:+1-201-555-0123;ext=1234', '+1-201-555-0123'],
    ['TEL://+33%20123', '+33 123'],
    ['callto:+4930123456', '+4930123456'],
    ['callto://+4930123456?call', '+4930123456'],
    ['sip:0301234567@pbx.example.com;user=phone', '0301234567'],
    ['sips:+4930123@pbx', '+4930123'],
  ])('%s dials %s', (link, number) => {
    expect(parseDeepLink(link)).toEqual({ ok: true, value: { kind: 'dial', number } });
  });

  it('refuses dial links without a number or with a bad ticket', () => {
    expect(parseDeepLink('tel:')).toMatchObject({ ok: false, error: { code: 'dial-number-missing' } });
    expect(parseDeepLink('itop-cti://dial?ticket=1')).toMatchObject({ ok: false, error: { code: 'deep-link-missing-parameter' } });
    expect(parseDeepLink('itop-cti://dial?number=1234&ticket=<script>')).toMatchObject({ ok: false, error: { code: 'deep-link-invalid-ticket' } });
  });
});

describe('parseDeepLink: everything else', () => {
  it.each([
    ['https://evil.example/?phone=1', 'deep-link-unsupported-scheme'],
    ['javascript:alert(1)', 'deep-link-unsupported-scheme'],
    ['no scheme here', 'deep-link-invalid'],
    ['itop-cti://delete?all=1', 'deep-link-unknown-action'],
    ['itop-cti://call?phone=1%0A2\n', 'number-invalid'],
    [`itop-cti://call?phone=${'1'.repeat(MAX_DEEP_LINK_LENGTH)}`, 'deep-link-too-long'],
  ])('%s → %s', (link, code) => {
    expect(parseDeepLink(link)).toMatchObject({ ok: false, error: { code } });
  });

  it('never throws and always returns a typed result for arbitrary strings and URLs', () => {
    const arbitrary = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 3000 }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.tuple(fc.constantFrom('itop-cti://call?', 'itop-cti://dial?', 'tel:', 'sip:', 'callto:'), fc.string({ unit: 'binary' })).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(arbitrary, (input) => {
        const result = parseDeepLink(input);
        if (result.ok) expect(['incoming-call', 'dial']).toContain(result.value.kind);
        else expect(result.error.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
