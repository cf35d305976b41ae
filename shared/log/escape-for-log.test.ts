import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeForLog, formatLogEntry } from './escape-for-log';

describe('escapeForLog', () => {
  it('shows CR, LF, ESC, DEL and C1 controls as escapes', () => {
    expect(escapeForLog('R-1\r\nINFO forged\u001b[31m\u007f\u0085')).toBe('R-1\\r\\nINFO forged\\x1b[31m\\x7f\\x85');
  });
  it('shows bidi overrides, isolates and line separators', () => {
    expect(escapeForLog('a\u202eb\u2066c\u2028d\u200fe')).toBe('a\\u202eb\\u2066c\\u2028d\\u200fe');
  });
  it('shows lone surrogates but keeps paired ones (emoji) and accents', () => {
    expect(escapeForLog('x\ud800y\udc00z')).toBe('x\\ud800y\\udc00z');
    expect(escapeForLog('Jérôme 📞')).toBe('Jérôme 📞');
  });
  it('never leaves a control, bidi or lone surrogate in its output', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        // eslint-disable-next-line no-control-regex
        expect(escapeForLog(s)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
        expect(() => encodeURIComponent(escapeForLog(s))).not.toThrow(); // throws on a lone surrogate
      }),
    );
  });
  it('formats structured data on the same escaped line', () => {
    expect(formatLogEntry('dial', { ticket: 'a\u001bb' })).toBe('dial {"ticket":"a\\u001bb"}');
    expect(formatLogEntry('plain\n')).toBe('plain\\n');
  });
});
