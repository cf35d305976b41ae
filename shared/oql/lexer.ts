import { utf8Length } from './errors';

/**
 * OQL lexer, a transcription of iTop's core/oql/oql-lexer.plex: at each position every rule is tried and the
 * LONGEST match wins, ties going to the earliest rule (so `SELECT` is a keyword, `SELECTED` a name and
 * `select` a name too: keywords are upper-case only). Token type names are iTop's, since syntax errors quote them.
 */

export type OqlTokenType =
  | 'UNION' | 'SELECT' | 'FROM' | 'AS_ALIAS' | 'WHERE' | 'JOIN' | 'ON'
  | 'MATH_DIV' | 'MATH_MULT' | 'MATH_PLUS' | 'MATH_MINUS' | 'LOG_AND' | 'LOG_OR'
  | 'BITWISE_OR' | 'BITWISE_AND' | 'BITWISE_XOR' | 'BITWISE_LEFT_SHIFT' | 'BITWISE_RIGHT_SHIFT'
  | 'COMA' | 'PAR_OPEN' | 'PAR_CLOSE' | 'REGEXP' | 'EQ' | 'NOT_EQ' | 'GT' | 'LT' | 'GE' | 'LE'
  | 'LIKE' | 'NOT_LIKE' | 'IN' | 'NOT_IN' | 'MATCHES' | 'INTERVAL'
  | 'F_IF' | 'F_ELT' | 'F_COALESCE' | 'F_ISNULL' | 'F_CONCAT' | 'F_SUBSTR' | 'F_TRIM' | 'F_DATE'
  | 'F_DATE_FORMAT' | 'F_CURRENT_DATE' | 'F_NOW' | 'F_TIME' | 'F_TO_DAYS' | 'F_FROM_DAYS' | 'F_YEAR'
  | 'F_MONTH' | 'F_DAY' | 'F_HOUR' | 'F_MINUTE' | 'F_SECOND' | 'F_DATE_ADD' | 'F_DATE_SUB' | 'F_ROUND'
  | 'F_FLOOR' | 'F_INET_ATON' | 'F_INET_NTOA'
  | 'BELOW' | 'BELOW_STRICT' | 'NOT_BELOW' | 'NOT_BELOW_STRICT'
  | 'ABOVE' | 'ABOVE_STRICT' | 'NOT_ABOVE' | 'NOT_ABOVE_STRICT'
  | 'HEXVAL' | 'NUMVAL' | 'STRVAL' | 'NULL_VAL' | 'NAME' | 'VARNAME' | 'DOT';

export interface OqlToken {
  readonly type: OqlTokenType;
  /** The matched text, quotes and backquotes included (iTop quotes it in "found '…'"). */
  readonly text: string;
  /** UTF-8 byte offset of the token's first character. */
  readonly pos: number;
}

export interface OqlLexerFailure {
  /** Byte offset of the character no rule matches. */
  readonly pos: number;
  /** iTop's raw lexer message, "Unexpected input at line 1: \"". */
  readonly message: string;
}

export interface OqlLexResult {
  /** Tokens before the failure (all of them when there is none); the parser sees them first, like iTop's. */
  readonly tokens: readonly OqlToken[];
  readonly failure: OqlLexerFailure | null;
}

type Rule = { readonly type: OqlTokenType | 'WHITESPACE'; readonly match: (text: string, at: number) => number };

const literal = (type: OqlTokenType, word: string): Rule => ({ type, match: (text, at) => (text.startsWith(word, at) ? word.length : 0) });
const pattern = (type: OqlTokenType | 'WHITESPACE', regex: RegExp): Rule => {
  const sticky = new RegExp(regex.source, 'y');
  return {
    type,
    match: (text, at) => {
      sticky.lastIndex = at;
      return sticky.exec(text)?.[0].length ?? 0;
    },
  };
};

// Rule order matters only for ties; it is iTop's order.
const RULES: readonly Rule[] = [
  pattern('WHITESPACE', /[ \t\n\r]+/),
  ...([
    ['UNION', 'UNION'], ['SELECT', 'SELECT'], ['FROM', 'FROM'], ['AS_ALIAS', 'AS'], ['WHERE', 'WHERE'], ['JOIN', 'JOIN'],
    ['ON', 'ON'], ['MATH_DIV', '/'], ['MATH_MULT', '*'], ['MATH_PLUS', '+'], ['MATH_MINUS', '-'], ['LOG_AND', 'AND'],
    ['LOG_OR', 'OR'], ['BITWISE_OR', '|'], ['BITWISE_AND', '&'], ['BITWISE_XOR', '^'], ['BITWISE_LEFT_SHIFT', '<<'],
    ['BITWISE_RIGHT_SHIFT', '>>'], ['COMA', ','], ['PAR_OPEN', '('], ['PAR_CLOSE', ')'], ['REGEXP', 'REGEXP'], ['EQ', '='],
    ['NOT_EQ', '!='], ['GT', '>'], ['LT', '<'], ['GE', '>='], ['LE', '<='], ['LIKE', 'LIKE'], ['NOT_LIKE', 'NOT LIKE'],
    ['IN', 'IN'], ['NOT_IN', 'NOT IN'], ['MATCHES', 'MATCHES'], ['INTERVAL', 'INTERVAL'], ['F_IF', 'IF'], ['F_ELT', 'ELT'],
    ['F_COALESCE', 'COALESCE'], ['F_ISNULL', 'ISNULL'], ['F_CONCAT', 'CONCAT'], ['F_SUBSTR', 'SUBSTR'], ['F_TRIM', 'TRIM'],
    ['F_DATE', 'DATE'], ['F_DATE_FORMAT', 'DATE_FORMAT'], ['F_CURRENT_DATE', 'CURRENT_DATE'], ['F_NOW', 'NOW'],
    ['F_TIME', 'TIME'], ['F_TO_DAYS', 'TO_DAYS'], ['F_FROM_DAYS', 'FROM_DAYS'], ['F_YEAR', 'YEAR'], ['F_MONTH', 'MONTH'],
    ['F_DAY', 'DAY'], ['F_HOUR', 'HOUR'], ['F_MINUTE', 'MINUTE'], ['F_SECOND', 'SECOND'], ['F_DATE_ADD', 'DATE_ADD'],
    ['F_DATE_SUB', 'DATE_SUB'], ['F_ROUND', 'ROUND'], ['F_FLOOR', 'FLOOR'], ['F_INET_ATON', 'INET_ATON'],
    ['F_INET_NTOA', 'INET_NTOA'], ['BELOW', 'BELOW'], ['BELOW_STRICT', 'BELOW STRICT'], ['NOT_BELOW', 'NOT BELOW'],
    ['NOT_BELOW_STRICT', 'NOT BELOW STRICT'], ['ABOVE', 'ABOVE'], ['ABOVE_STRICT', 'ABOVE STRICT'],
    ['NOT_ABOVE', 'NOT ABOVE'], ['NOT_ABOVE_STRICT', 'NOT ABOVE STRICT'],
  ] as const).map(([type, word]) => literal(type, word)),
  pattern('HEXVAL', /0x[0-9a-fA-F]+/),
  pattern('NUMVAL', /[0-9]+/),
  { type: 'STRVAL', match: quotedLength },
  literal('NULL_VAL', 'NULL'),
  pattern('NAME', /[_a-zA-Z][_a-zA-Z0-9]*|`[^`]+`/),
  pattern('VARNAME', /:(?:[_a-zA-Z][_a-zA-Z0-9]*->[_a-zA-Z][_a-zA-Z0-9]*|[_a-zA-Z][_a-zA-Z0-9]*)/),
  literal('DOT', '.'),
];

/**
 * Length of the quoted literal at `at`, or 0. Inside '…' (or "…") a backslash may only escape the same quote
 * or another backslash; anything else (`\n`, `\%`, an unterminated literal) makes no match, hence a lexer error.
 */
function quotedLength(text: string, at: number): number {
  const quote = text[at];
  if (quote !== "'" && quote !== '"') return 0;
  for (let i = at + 1; i < text.length; i += 1) {
    const c = text[i];
    if (c === quote) return i + 1 - at;
    if (c === '\\') {
      const next = text[i + 1];
      if (next !== quote && next !== '\\') return 0;
      i += 1;
    }
  }
  return 0;
}

export function lexOql(text: string): OqlLexResult {
  const tokens: OqlToken[] = [];
  let at = 0;
  let bytePos = 0;
  let line = 1;
  while (at < text.length) {
    let best: Rule | null = null;
    let bestLength = 0;
    for (const rule of RULES) {
      const length = rule.match(text, at);
      if (length > bestLength) {
        best = rule;
        bestLength = length;
      }
    }
    if (best === null) {
      // iTop quotes the offending byte; we quote the whole character so the message stays valid UTF-8.
      const char = String.fromCodePoint(text.codePointAt(at) ?? 0);
      return { tokens, failure: { pos: bytePos, message: `Unexpected input at line ${line}: ${char}` } };
    }
    const matched = text.slice(at, at + bestLength);
    if (best.type !== 'WHITESPACE') tokens.push({ type: best.type, text: matched, pos: bytePos });
    at += bestLength;
    bytePos += utf8Length(matched);
    line += matched.split('\n').length - 1;
  }
  return { tokens, failure: null };
}
