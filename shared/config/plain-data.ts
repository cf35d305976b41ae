import type { PathSegment } from './issues';

/** Nesting deeper than this is not configuration but an attack or an accident; it is cut, not recursed. */
export const MAX_DEPTH = 64;
export const TOO_DEEP = '[nested too deep]';

export type PlainObject = Record<string, unknown>;

export const isPlainObject = (value: unknown): value is PlainObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Own-property read: a key such as `__proto__` or `constructor` never reaches the prototype. */
export function ownValue(container: unknown, key: PathSegment): unknown {
  if (Array.isArray(container)) return typeof key === 'number' ? container[key] : undefined;
  if (!isPlainObject(container)) return undefined;
  const name = String(key);
  return Object.prototype.hasOwnProperty.call(container, name) ? container[name] : undefined;
}

export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let current = root;
  for (const segment of path) current = ownValue(current, segment);
  return current;
}

/**
 * Deep copy of JSON-like data, so repairs never touch the caller's object. Objects are rebuilt with
 * Object.fromEntries (defines own properties: `__proto__` stays an inert key) and depth is bounded.
 */
export function clonePlain(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) return value.map((item) => clonePlain(item, depth + 1));
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clonePlain(v, depth + 1)]));
  }
  return value;
}
