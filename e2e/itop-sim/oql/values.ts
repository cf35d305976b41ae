/**
 * Value semantics of MySQL under iTop's collation utf8mb4_unicode_ci: comparisons ignore case and accents,
 * `=` ignores trailing spaces (PAD SPACE), NULL makes any comparison unknown, a number against a string
 * compares numerically. Truth values are 1 / 0 / null, as in SQL.
 */
export type SqlValue = string | number | null;

// Printable-or-not ASCII only: no character needs folding beyond toLowerCase.
const NON_ASCII = /[^\u0000-\u007f]/; // eslint-disable-line no-control-regex
const MARKS = /\p{M}/gu;

/** Case- and accent-insensitive key; the ASCII fast path keeps 100k-row scans cheap. */
export function fold(text: string): string {
  return !NON_ASCII.test(text) ? text.toLowerCase() : text.normalize('NFD').replace(MARKS, '').toLowerCase();
}

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

/** MySQL's string-to-number conversion: the longest numeric prefix, 0 when there is none. */
export function toNumber(value: string | number): number {
  if (typeof value === 'number') return value;
  if (NUMERIC.test(value)) return Number(value);
  const parsed = Number.parseFloat(value);
  return Number.isNaN(parsed) ? 0 : parsed;
}

/** -1, 0, 1, or null when either side is NULL. */
export function compareValues(a: SqlValue, b: SqlValue): number | null {
  if (a === null || b === null) return null;
  if (typeof a === 'number' || typeof b === 'number') return Math.sign(toNumber(a) - toNumber(b));
  const left = fold(a.trimEnd());
  const right = fold(b.trimEnd());
  return left === right ? 0 : left < right ? -1 : 1;
}

export const truth = (condition: boolean | null): SqlValue => (condition === null ? null : condition ? 1 : 0);

export function isTrue(value: SqlValue): boolean {
  return value !== null && toNumber(value) !== 0;
}

/**
 * A MySQL LIKE pattern (after OQL unescaping): `%` any run, `_` one character, `\x` a literal x
 * (a trailing lone `\` is itself literal). Case- and accent-insensitive.
 */
export function compileLike(pattern: string): (value: SqlValue) => SqlValue {
  const folded = fold(pattern);
  const test = simpleLike(folded) ?? regexLike(folded);
  return (value) => (value === null ? null : truth(test(fold(String(value)))));
}

/** `abc`, `abc%`, `%abc`, `%abc%` without other wildcards or escapes: plain string tests, the common case. */
function simpleLike(folded: string): ((text: string) => boolean) | null {
  const leading = folded.startsWith('%');
  const trailing = folded.length > 1 && folded.endsWith('%');
  const core = folded.slice(leading ? 1 : 0, trailing ? -1 : undefined);
  if (/[%_\\]/.test(core)) return null;
  if (leading && trailing) return (text) => text.includes(core);
  if (leading) return (text) => text.endsWith(core);
  if (trailing) return (text) => text.startsWith(core);
  return (text) => text === core;
}

function regexLike(folded: string): (text: string) => boolean {
  let source = '';
  for (let i = 0; i < folded.length; i += 1) {
    const c = folded[i] as string;
    if (c === '\\' && i + 1 < folded.length) {
      i += 1;
      source += escapeRegExp(folded[i] as string);
    } else if (c === '%') source += '.*';
    else if (c === '_') source += '.';
    else source += escapeRegExp(c);
  }
  const regex = new RegExp(`^${source}$`, 'su');
  return (text) => regex.test(text);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
