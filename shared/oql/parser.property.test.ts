import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseOql } from './index';

const isTypedResult = (result: ReturnType<typeof parseOql>): boolean =>
  result.ok
    ? Array.isArray(result.placeholders)
    : ['syntax', 'lexer'].includes(result.error.kind) && result.error.message.length > 0 && Number.isInteger(result.error.position);

// Fragments of real OQL, so random mixes reach deep into the grammar instead of failing on the first byte.
const fragment = fc.constantFrom(
  'SELECT', 'Person', 'AS', 'p', 'JOIN', 'ON', 'WHERE', 'AND', 'OR', 'NOT LIKE', 'LIKE', 'IN', 'NOT IN', '(', ')', ',', '.',
  '=', '!=', '<', '>=', 'id', "'x'", '"y"', "'a\\'b'", "'\\q'", ':phone', ':current_user->login', '12', '-', '0x1F',
  'ISNULL', 'UNION', 'NULL', 'FROM', '`n`', 'INTERVAL', 'DAY', '\n', '€', '\\',
);

describe('parseOql never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => isTypedResult(parseOql(text))), { numRuns: 2000 });
  });

  it('on random sequences of OQL fragments', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), fc.constantFrom(' ', ''), (parts, sep) => isTypedResult(parseOql(parts.join(sep)))),
      { numRuns: 3000 },
    );
  });

  it('and every error position points inside the query (or at 0 for its end)', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), (parts) => {
        const text = parts.join(' ');
        const result = parseOql(text);
        if (!result.ok) expect(result.error.position).toBeLessThanOrEqual(new TextEncoder().encode(text).length);
      }),
      { numRuns: 1000 },
    );
  });
});
