import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseQueryString, percentDecode } from './query-string';

describe('percentDecode', () => {
  it('keeps + as a plus sign (iTop N°7736) and decodes %20 as a space', () => {
    expect(percentDecode('+33%201%2023')).toBe('+33 1 23');
  });

  it('decodes multi-byte UTF-8', () => {
    expect(percentDecode('Fran%C3%A7ois%20%F0%9F%98%80')).toBe('François 😀');
  });

  it('keeps invalid escapes literally instead of throwing', () => {
    expect(percentDecode('%CallerNumber%')).toBe('%CallerNumber%');
    expect(percentDecode('100%')).toBe('100%');
    expect(percentDecode('%ED%A0%80x')).toBe('%ED%A0%80x'); // would be a lone surrogate
    expect(percentDecode('%C3')).toBe('%C3');
  });

  it('is the inverse of encodeURIComponent for well-formed strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), (input) => {
        expect(percentDecode(encodeURIComponent(input))).toBe(input);
      }),
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (input) => {
        expect(typeof percentDecode(input)).toBe('string');
      }),
    );
  });
});

describe('parseQueryString', () => {
  it('splits parameters in order, keeps the raw value and drops the fragment', () => {
    expect(parseQueryString('phone=%2B33+1&name=J%C3%BCrgen&flag&=x#frag')).toEqual([
      { name: 'phone', value: '+33+1', raw: '%2B33+1' },
      { name: 'name', value: 'Jürgen', raw: 'J%C3%BCrgen' },
      { name: 'flag', value: '', raw: '' },
      { name: '', value: 'x', raw: 'x' },
    ]);
  });
});
