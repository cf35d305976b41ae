import type { PathSegment } from './issues';
import { MAX_DEPTH } from './plain-data';

/**
 * Turns a php-parser (glayzzle) AST expression into plain data, the way PHP itself would evaluate a
 * config file's literals: strings (escapes already decoded by the parser), ints/floats, booleans, null,
 * `'a' . 'b'`, negative numbers, and arrays in both `array()` and `[]` syntax with PHP's key rules.
 * Anything else (variables, constants, calls) cannot be evaluated here and is reported, not guessed.
 */
export interface PhpNode {
  readonly kind: string;
  readonly loc?: { readonly start: { readonly line: number } } | null;
  readonly [key: string]: unknown;
}

export interface PhpValueProblem {
  readonly path: PathSegment[];
  readonly line: number | undefined;
  readonly message: string;
}

/** Returned for a value that cannot be evaluated; its array entry is left out (and reported). */
export const SKIPPED = Symbol('skipped');
type Value = unknown;

const lineOf = (node: PhpNode) => node.loc?.start.line;

/** Evaluates `node`; unreadable parts are left out and reported in `problems` with their path and line. */
export function phpNodeToValue(node: PhpNode, path: PathSegment[] = [], problems: PhpValueProblem[] = []): Value {
  const skip = (what: string): typeof SKIPPED => {
    problems.push({ path, line: lineOf(node), message: `${what} cannot be read outside PHP; use a plain string, number, boolean or array` });
    return SKIPPED;
  };
  if (path.length > MAX_DEPTH) {
    problems.push({ path, line: lineOf(node), message: 'arrays are nested too deep' });
    return SKIPPED;
  }
  switch (node.kind) {
    case 'string':
    case 'nowdoc':
      return node['value'];
    case 'number': {
      const text = String(node['value']).replace(/_/g, '');
      const value = /^0[0-7]+$/.test(text) ? parseInt(text, 8) : Number(text);
      return Number.isFinite(value) ? value : skip(`the number ${text}`);
    }
    case 'boolean':
      return node['value'] === true;
    case 'nullkeyword':
      return null;
    case 'unary': {
      const inner = phpNodeToValue(node['what'] as PhpNode, path, problems);
      if (inner === SKIPPED) return SKIPPED;
      if (typeof inner !== 'number' || (node['type'] !== '-' && node['type'] !== '+')) return skip(`the operator ${String(node['type'])}`);
      return node['type'] === '-' ? -inner : inner;
    }
    case 'bin': {
      if (node['type'] !== '.') return skip(`the operator ${String(node['type'])}`);
      const left = phpNodeToValue(node['left'] as PhpNode, path, problems);
      const right = phpNodeToValue(node['right'] as PhpNode, path, problems);
      if (left === SKIPPED || right === SKIPPED) return SKIPPED;
      if (!isScalar(left) || !isScalar(right)) return skip('concatenating an array');
      return phpString(left) + phpString(right);
    }
    case 'array':
      return arrayValue(node, path, problems);
    case 'encapsed':
      return skip('a string with embedded $variables');
    case 'variable':
      return skip('a $variable');
    case 'name':
    case 'constref':
    case 'staticlookup':
      return skip('a constant');
    case 'call':
      return skip('a function call');
    default:
      return skip(`a PHP ${node.kind} expression`);
  }
}

const isScalar = (v: unknown): v is string | number | boolean | null => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const phpString = (v: string | number | boolean | null) => (v === true ? '1' : v === false || v === null ? '' : String(v));

/** PHP key casting: "5", 5 and true are the same int key; "05" and "5.0" stay strings. */
function phpKey(value: unknown): string | number | null {
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null) return '';
  if (typeof value === 'string') return /^(0|-?[1-9]\d{0,15})$/.test(value) ? Number(value) : value;
  return null;
}

/**
 * A PHP array keeps insertion order and overwrites duplicate keys in place. Keys that are all ints become
 * a JS array in that order (how PHP writes lists: `0 => …, 1 => …`); others a JS object.
 */
function arrayValue(node: PhpNode, path: PathSegment[], problems: PhpValueProblem[]): Value {
  const entries = new Map<string | number, unknown>();
  let nextIndex = 0;
  for (const item of (node['items'] as (PhpNode | null)[] | undefined) ?? []) {
    if (item === null) continue; // destructuring holes: not data
    let key: string | number | null = nextIndex;
    if (item['key'] !== null && item['key'] !== undefined) {
      const keyValue = phpNodeToValue(item['key'] as PhpNode, path, problems);
      if (keyValue === SKIPPED) continue;
      key = phpKey(keyValue);
    }
    if (key === null || item.kind !== 'entry' || item['unpack'] === true || item['byRef'] === true) {
      problems.push({ path, line: lineOf(item), message: 'spread, by-reference or array-keyed items cannot be read; left out' });
      continue;
    }
    if (typeof key === 'number' && key >= nextIndex) nextIndex = key + 1;
    const value = phpNodeToValue(item['value'] as PhpNode, [...path, key], problems);
    if (value !== SKIPPED) entries.set(key, value);
  }
  const keys = [...entries.keys()];
  if (keys.every((k) => typeof k === 'number')) return [...entries.values()];
  return Object.fromEntries([...entries].map(([k, v]) => [String(k), v]));
}
