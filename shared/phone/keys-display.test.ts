import { describe, expect, it } from 'vitest';
import { displayNumber } from './display';
import { digitsLikePattern, matchKeys } from './match-keys';
import { normalizeStored } from './normalize';

describe('matchKeys', () => {
  it('gives E.164 and the last N digits of the national number', () => {
    expect(matchKeys(normalizeStored('+33 1 23 45 67 89', 'FR'), 8)).toEqual({ e164: '+33123456789', suffix: '23456789' });
    expect(matchKeys(normalizeStored('030/1234568', 'DE'), 7)).toEqual({ e164: '+49301234568', suffix: '1234568' });
  });

  it('gives no suffix when the number is shorter than N (short numbers would collide)', () => {
    expect(matchKeys(normalizeStored('089 123450', 'DE'), 9)).toEqual({ e164: '+4989123450' });
    expect(matchKeys(normalizeStored('+33123456789', 'FR'), 0)).toEqual({ e164: '+33123456789' });
  });

  it('keys internal extensions, and nothing for the other kinds', () => {
    expect(matchKeys(normalizeStored('ext 1234', 'FR'), 8)).toEqual({ extension: '1234' });
    expect(matchKeys(normalizeStored('anonymous', 'FR'), 8)).toEqual({});
    expect(matchKeys(normalizeStored('n/a please', 'FR'), 8)).toEqual({});
  });
});

describe('digitsLikePattern', () => {
  it('interleaves the digits with %', () => {
    expect(digitsLikePattern('0123')).toBe('%0%1%2%3%');
    expect(digitsLikePattern('+33 (0)1-23')).toBe('%3%3%0%1%2%3%');
    expect(digitsLikePattern('０１')).toBe('%0%1%');
  });

  it('never returns a match-everything pattern', () => {
    expect(digitsLikePattern('')).toBeUndefined();
    expect(digitsLikePattern("anonymous'\"%")).toBeUndefined();
  });
});

describe('displayNumber', () => {
  it('national for the home country, international otherwise, extension appended', () => {
    expect(displayNumber(normalizeStored('+33123456789', 'FR'), 'FR')).toBe('01 23 45 67 89');
    expect(displayNumber(normalizeStored('+33123456789', 'FR'), 'DE')).toBe('+33 1 23 45 67 89');
    expect(displayNumber(normalizeStored('+1 415-555-0106 x204', 'US'), 'US')).toBe('(415) 555-0106 ext. 204');
    expect(displayNumber(normalizeStored('+1 613 555 0123', 'US'), 'US')).toBe('(613) 555-0123');
  });

  it('shows extensions, nothing for withheld, and the raw text of what could not be read', () => {
    expect(displayNumber(normalizeStored('ext 1234', 'FR'), 'FR')).toBe('1234');
    expect(displayNumber(normalizeStored('anonymous', 'FR'), 'FR')).toBe('');
    expect(displayNumber(normalizeStored(' 1-800-FLOWERS ', 'US'), 'US')).toBe('1-800-FLOWERS');
  });
});
