import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkRawNumber, cleanDisplayName, detectUnfilledMacro, digitsOf, isWithheld, MAX_RAW_NUMBER_LENGTH } from './raw-number';

describe('detectUnfilledMacro', () => {
  it.each([
    ['%CallerNumber%', '%CallerNumber%'],
    ['%%CallerNumber%%', '%%CallerNumber%%'],
    ['+33%CallerNumber%', '%CallerNumber%'],
    ['{{caller}}', '{{caller}}'],
    ['${phone}', '${phone}'],
    ['$phone$', '$phone$'],
    ['%CALLERID%', '%CALLERID%'],
    ['[Number]', '[Number]'],
  ])('finds the placeholder in %s', (input, macro) => {
    expect(detectUnfilledMacro(input)).toBe(macro);
  });

  it.each(['+33 1 23 45 67 89', '0049 (0)30 1234-567', '100%', '%2B33123', 'anonymous', '', 'John [ACME] Doe'])(
    'does not mistake %s for a placeholder',
    (input) => {
      expect(detectUnfilledMacro(input)).toBeUndefined();
    },
  );
});

describe('isWithheld', () => {
  it.each(['', '   ', 'anonymous', 'Anonymous', 'UNKNOWN', 'restricted', 'private', 'withheld', '"Anonymous"', 'sip:anonymous@anonymous.invalid', '<unknown>', 'Unbekannt'])(
    'treats %j as withheld',
    (input) => {
      expect(isWithheld(input)).toBe(true);
    },
  );

  it.each(['+33123456789', '4711', 'sip:4711@pbx', 'John'])('treats %j as a real value', (input) => {
    expect(isWithheld(input)).toBe(false);
  });
});

describe('checkRawNumber', () => {
  it('trims and keeps the number otherwise as received', () => {
    expect(checkRawNumber('  +33 1 23 45 67 89 ', 'x')).toEqual({ ok: true, value: { number: '+33 1 23 45 67 89', withheld: false } });
  });

  it('names the input and the placeholder when a macro was not substituted', () => {
    const result = checkRawNumber('%CallerNumber%', 'URL parameter "phone"');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('unfilled-macro');
      expect(result.error.message).toContain('URL parameter "phone"');
      expect(result.error.message).toContain('%CallerNumber%');
    }
  });

  it('refuses over-long numbers and control characters', () => {
    expect(checkRawNumber('1'.repeat(MAX_RAW_NUMBER_LENGTH + 1), 'x')).toMatchObject({ ok: false, error: { code: 'number-too-long' } });
    expect(checkRawNumber('123\n456', 'x')).toMatchObject({ ok: false, error: { code: 'number-invalid' } });
  });

  it('flags withheld numbers instead of refusing them', () => {
    expect(checkRawNumber('anonymous', 'x')).toEqual({ ok: true, value: { number: 'anonymous', withheld: true } });
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (input) => {
        const result = checkRawNumber(input, 'x');
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });
});

describe('digitsOf / cleanDisplayName', () => {
  it('compares deliveries by digits only', () => {
    expect(digitsOf('+33 (0)1-23.45')).toBe('33012345');
  });

  it('cleans names without splitting emoji and drops placeholders', () => {
    expect(cleanDisplayName(' Jane\nDoe ')).toBe('Jane Doe');
    expect(cleanDisplayName('%CallerDisplayName%')).toBeUndefined();
    const long = '😀'.repeat(300);
    const cut = cleanDisplayName(long, 10) ?? '';
    expect(Array.from(cut)).toHaveLength(10);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
