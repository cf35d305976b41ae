import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { bindOql, likeEscape, oqlString } from './bind';

// ---- A reference model of iTop's side, written from core/oql/oql-lexer.plex and oql-parser.y ----

// iTop's `strval` rule: inside a literal only `\\` and the same quote escaped are allowed.
const STRVAL = /^(?:"(?:[^\\"]|\\"|\\\\)*"|'(?:[^\\']|\\'|\\\\)*')/s;
const VARNAME = /^:(?:[_a-zA-Z][_a-zA-Z0-9]*->[_a-zA-Z][_a-zA-Z0-9]*|[_a-zA-Z][_a-zA-Z0-9]*)/;
const NAME = /^(?:[_a-zA-Z][_a-zA-Z0-9]*|`[^`]+`)/;
const NUM = /^-?[0-9]+/;

/** PHP stripslashes, as oql-parser.y applies it to a literal's inside. */
const stripslashes = (s: string): string => s.replace(/\\([\s\S])?/g, (_m, c?: string) => (c === undefined ? '' : c === '0' ? '\0' : c));

type Token = { kind: 'str' | 'var' | 'name' | 'num' | 'punct'; text: string; value?: string };

/** Tokenizes OQL like iTop's lexer does (enough of it for these tests); throws where iTop's lexer would fail. */
function lex(oql: string): Token[] {
  const tokens: Token[] = [];
  let rest = oql;
  while (rest.length > 0) {
    const ws = /^[ \t\n\r]+/.exec(rest);
    if (ws) {
      rest = rest.slice(ws[0].length);
      continue;
    }
    const str = STRVAL.exec(rest);
    const v = VARNAME.exec(rest);
    const name = NAME.exec(rest);
    const num = NUM.exec(rest);
    let t: Token;
    if (str) t = { kind: 'str', text: str[0], value: stripslashes(str[0].slice(1, -1)) };
    else if (rest[0] === "'" || rest[0] === '"') throw new Error(`lexer error at: ${rest.slice(0, 20)}`);
    else if (v) t = { kind: 'var', text: v[0] };
    else if (num) t = { kind: 'num', text: num[0] };
    else if (name) t = { kind: 'name', text: name[0] };
    else if (/^(!=|>=|<=|[=<>(),*/+-])/.test(rest)) t = { kind: 'punct', text: /^(!=|>=|<=|.)/.exec(rest)![0] };
    else throw new Error(`lexer error at: ${rest.slice(0, 20)}`);
    tokens.push(t);
    rest = rest.slice(t.text.length);
  }
  return tokens;
}

/** MySQL LIKE with the default `\` escape, character = code point. */
function likeMatches(pattern: string, text: string): boolean {
  type P = { any: true } | { one: true } | { ch: string };
  const p: P[] = [];
  const pc = Array.from(pattern);
  for (let i = 0; i < pc.length; i += 1) {
    const c = pc[i]!;
    if (c === '\\' && i + 1 < pc.length) p.push({ ch: pc[++i]! });
    else if (c === '%') p.push({ any: true });
    else if (c === '_') p.push({ one: true });
    else p.push({ ch: c });
  }
  const t = Array.from(text);
  let row = new Array<boolean>(t.length + 1).fill(false);
  row[0] = true;
  for (const item of p) {
    const next = new Array<boolean>(t.length + 1).fill(false);
    for (let j = 0; j <= t.length; j += 1) {
      if ('any' in item) next[j] = row[j]! || (j > 0 && next[j - 1]!);
      else if (j > 0) next[j] = row[j - 1]! && ('one' in item || item.ch === t[j - 1]);
    }
    row = next;
  }
  return row[t.length]!;
}

const bound = (template: string, params: Parameters<typeof bindOql>[1]): string => {
  const r = bindOql(template, params);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

// Hostile text: full unicode plus every character that matters to OQL, LIKE or JSON, heavily weighted.
const hostileChar = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("'", '"', '\\', '%', '_', ':', '`', '\n', '\0', '+', ' ', 'é', '😀') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);
const hostileText = fc.array(hostileChar, { maxLength: 40 }).map((cs) => cs.join(''));
const placeholderName = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/).filter((n) => n !== 'current_contact_id');

describe('oqlString', () => {
  it('quotes with iTop’s rule, as verified against iTop’s lexer (itop-rest.md §5.2)', () => {
    expect(oqlString("O'Brien")).toBe("'O\\'Brien'");
    expect(oqlString("a\\'b")).toBe("'a\\\\\\'b'");
    expect(oqlString('x\\')).toBe("'x\\\\'");
    expect(oqlString("é'ü")).toBe("'é\\'ü'");
    expect(oqlString('+33 1 23')).toBe("'+33 1 23'");
  });

  it('round-trips any unicode string through iTop’s lexer and stripslashes, as exactly one literal', () => {
    fc.assert(
      fc.property(hostileText, (s) => {
        const tokens = lex(oqlString(s));
        expect(tokens).toHaveLength(1);
        expect(tokens[0]).toMatchObject({ kind: 'str', value: s });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('bindOql', () => {
  it('substitutes strings, integers, lists and LIKE patterns', () => {
    const oql = bound('SELECT Person WHERE name = :name AND id IN (:ids) AND org_id = :org AND phone LIKE :p AND email LIKE :e', {
      name: "Zoé O'Brien",
      ids: [1, 2, -3],
      org: 3,
      p: { like: '50%_off', anywhere: true },
      e: { likeRaw: '%1%2%' },
    });
    expect(oql).toBe(
      "SELECT Person WHERE name = 'Zoé O\\'Brien' AND id IN (1, 2, -3) AND org_id = 3 AND phone LIKE '%50\\\\%\\\\_off%' AND email LIKE '%1%2%'",
    );
    expect(bound('SELECT UserRequest WHERE status IN (:s)', { s: ['new', "it's"] })).toBe(
      "SELECT UserRequest WHERE status IN ('new', 'it\\'s')",
    );
  });

  it('leaves placeholders inside string literals and backquoted names alone', () => {
    const t = "SELECT Person WHERE name = ':x' AND first_name = \"a\\\":x\" AND `odd:x` = :x";
    expect(bound(t, { x: 'v' })).toBe("SELECT Person WHERE name = ':x' AND first_name = \"a\\\":x\" AND `odd:x` = 'v'");
  });

  it('passes iTop’s magic placeholders through untouched', () => {
    const t = 'SELECT Ticket WHERE caller_id = :current_contact_id OR org_id = :current_user->org_id OR team_id = :current_contact->org_id';
    expect(bound(t, {})).toBe(t);
  });

  it('refuses what iTop would reject or what cannot be expressed', () => {
    const cases: Array<[string, Parameters<typeof bindOql>[1], string, RegExp]> = [
      ['SELECT Person WHERE id = :id', {}, 'oql-missing-param', /':id' has no value/],
      ['SELECT Person WHERE id IN (:ids)', { ids: [] }, 'oql-bad-param', /':ids'.*empty IN/],
      ['SELECT Person WHERE id = :n', { n: 1.5 }, 'oql-bad-param', /':n'.*1\.5/],
      ['SELECT Person WHERE id = :n', { n: Number.NaN }, 'oql-bad-param', /NaN/],
      ['SELECT Person WHERE id = :n', { n: 2 ** 60 }, 'oql-bad-param', /safe integer/],
      ['SELECT Person WHERE id IN (:l)', { l: [1, null as unknown as number] }, 'oql-bad-param', /list item 1 is null/],
      ['SELECT Person WHERE id = :o', { o: { nope: 1 } as unknown as string }, 'oql-bad-param', /':o'.*an object/],
      ['SELECT Person WHERE id = :other->id', { other: 1 }, 'oql-bad-template', /':other->id'/],
      ["SELECT Person WHERE name = 'open :x", { x: 'v' }, 'oql-bad-template', /unterminated ' quote starting at offset 27/],
    ];
    for (const [template, params, code, message] of cases) {
      const r = bindOql(template, params);
      expect(r.ok, template).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(code);
        expect(r.error.message).toMatch(message);
      }
    }
  });

  it('ignores params that are not used', () => {
    expect(bound('SELECT Person', { unused: 'x' })).toBe('SELECT Person');
  });

  it('never lets a hostile value escape its literal: the token stream is exactly the template’s', () => {
    fc.assert(
      fc.property(hostileText, hostileText, fc.array(fc.oneof(hostileText, fc.integer()), { minLength: 1, maxLength: 4 }), (a, b, list) => {
        const oql = bound('SELECT Person WHERE name = :a AND email LIKE :b AND id IN (:list)', { a, b: { like: b, anywhere: true }, list });
        const tokens = lex(oql);
        const shape = tokens.map((t) => (t.kind === 'str' || t.kind === 'num' ? t.kind : t.text));
        const listShape = list.flatMap((x, i) => [...(i > 0 ? [','] : []), typeof x === 'string' ? 'str' : 'num']);
        expect(shape).toEqual(['SELECT', 'Person', 'WHERE', 'name', '=', 'str', 'AND', 'email', 'LIKE', 'str', 'AND', 'id', 'IN', '(', ...listShape, ')']);
        expect(tokens[5]!.value).toBe(a);
        const listValues = tokens.slice(14, -1).filter((t) => t.text !== ',').map((t) => (t.kind === 'str' ? t.value : Number(t.text)));
        expect(listValues).toEqual(list);
      }),
      { numRuns: 1000 },
    );
  });

  it('never leaves an unknown placeholder in its output', () => {
    fc.assert(
      fc.property(fc.uniqueArray(placeholderName, { minLength: 1, maxLength: 5 }), hostileText, (names, value) => {
        const template = `SELECT Person WHERE ${names.map((n) => `x = :${n}`).join(' OR ')} OR id = :current_contact_id`;
        const params = Object.fromEntries(names.map((n) => [n, `${value}:${n}`]));
        const vars = lex(bound(template, params)).filter((t) => t.kind === 'var').map((t) => t.text);
        expect(vars).toEqual([':current_contact_id']);
      }),
      { numRuns: 500 },
    );
  });

  it('builds LIKE patterns that match the text literally, and only it', () => {
    const patternOf = (p: { like: string; anywhere?: boolean }): string => lex(bound(':p', { p }))[0]!.value!;
    fc.assert(
      fc.property(hostileText, hostileText, (s, t) => {
        expect(likeMatches(patternOf({ like: s }), s)).toBe(true);
        expect(likeMatches(patternOf({ like: s, anywhere: true }), `x${s}%y`)).toBe(true);
        if (t !== s) expect(likeMatches(patternOf({ like: s }), t)).toBe(false);
      }),
      { numRuns: 1000 },
    );
    // Wildcards in the text are literal: '5_' does not match '5x'.
    expect(likeMatches(patternOf({ like: '5_' }), '5x')).toBe(false);
    expect(likeMatches(patternOf({ like: '5%' }), '5xyz')).toBe(false);
    expect(likeEscape('a\\b%c_')).toBe('a\\\\b\\%c\\_');
  });
});
