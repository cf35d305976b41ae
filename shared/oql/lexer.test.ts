import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { lexOql, parseOql, utf8Length } from './index';

/** itop-rest.md §5.2: escape `\` first, then the quote. */
const quote = (value: string, q: "'" | '"' = "'"): string => `${q}${value.replace(/\\/g, '\\\\').split(q).join(`\\${q}`)}${q}`;

function literalOf(text: string): string | undefined {
  const result = parseOql(`SELECT Person WHERE name = ${text}`);
  if (!result.ok) throw new Error(result.error.message);
  const where = result.query.kind === 'select' ? result.query.where : null;
  return where?.kind === 'binary' && where.right.kind === 'string' ? where.right.value : undefined;
}

describe('string literals', () => {
  it.each([
    ["'O\\'Brien'", "O'Brien"],
    ["'a\\\\\\'b'", "a\\'b"],
    ["'x\\\\'", 'x\\'],
    ["'é\\'ü'", "é'ü"],
    ['"say \'hi\'"', "say 'hi'"],
    ["'say \"hi\"'", 'say "hi"'],
    ["'line1\nline2'", 'line1\nline2'],
    ["'%100\\\\% total%'", '%100\\% total%'],
  ])('%s unescapes to the value iTop sees', (literal, value) => {
    expect(literalOf(literal)).toBe(value);
  });

  it('round-trips any string through the §5.2 quoting rule, in both quote styles', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.constantFrom<"'" | '"'>("'", '"'), (value, q) => {
        expect(literalOf(quote(value, q))).toBe(value);
      }),
    );
  });

  it('keeps keywords upper-case only and prefers the longest match', () => {
    const types = (text: string) => lexOql(text).tokens.map((t) => t.type);
    expect(types('SELECT select SELECTED')).toEqual(['SELECT', 'NAME', 'NAME']);
    expect(types('NOT LIKE NOT  LIKE NOT IN')).toEqual(['NOT_LIKE', 'NAME', 'LIKE', 'NOT_IN']);
    expect(types('a<=b!=c<>d')).toEqual(['NAME', 'LE', 'NAME', 'NOT_EQ', 'NAME', 'LT', 'GT', 'NAME']);
    expect(types(':current_user->login :phone 0x1F 12 NULL NULLS')).toEqual(['VARNAME', 'VARNAME', 'HEXVAL', 'NUMVAL', 'NULL_VAL', 'NAME']);
  });

  it('counts positions in UTF-8 bytes like PHP', () => {
    const tokens = lexOql("'Müller' x").tokens;
    expect(tokens.map((t) => t.pos)).toEqual([0, 10]);
    expect(utf8Length('a€😀')).toBe(8);
  });
});
