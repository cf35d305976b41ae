import { describe, expect, it } from 'vitest';
import { numberInText } from './text-number';

describe('numberInText', () => {
  it.each([
    ['+33 1 23 45 67 89', '+33 1 23 45 67 89'],
    ['  01.23.45.67.89\n', '01.23.45.67.89'],
    ['Call me at +33 (0)1 23 45 67 89 tomorrow', '+33 (0)1 23 45 67 89'],
    ['Tel: 0033 1 23 45 67 89', '0033 1 23 45 67 89'],
    ['(415) 555-0101', '(415) 555-0101'],
    ['Mobile:\t06 12 34 56 78\r\nFax: 01 00 00 00 00', '06 12 34 56 78'],
  ])('%j → %j', (text, number) => {
    expect(numberInText(text)).toEqual({ ok: true, value: number });
  });

  it.each([
    ['', 'dial.text-empty'],
    ['   \n', 'dial.text-empty'],
    ['no digits here', 'dial.text-no-number'],
    ['room 12', 'dial.text-no-number'],
    ['9'.repeat(2001), 'dial.text-too-long'],
  ])('%j is refused (%s)', (text, code) => {
    expect(numberInText(text)).toMatchObject({ ok: false, error: { code } });
  });
});
