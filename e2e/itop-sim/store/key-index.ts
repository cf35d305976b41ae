/**
 * External-key indexes of the store: for one final class and one key code, the objects per key value.
 * Built on first use (most keys are never searched), then kept current by every write, so a join or an
 * `caller_id IN (…)` reads a few objects instead of scanning a class.
 */
import type { StoredObject, StoredValue } from '../model/types';
import { toNumber } from '../oql/values';

type ByValue = Map<number, Map<number, StoredObject>>;

export interface KeyIndexes {
  /** Objects of exactly `finalClass` whose `code` is numerically `value` (MySQL's string-to-number rule). */
  lookup(finalClass: string, code: string, value: number, all: () => Iterable<StoredObject>): Iterable<StoredObject>;
  /** Keeps built indexes current: `before` is the stored object being replaced or removed, `after` its successor. */
  update(before: StoredObject | undefined, after: StoredObject | undefined): void;
}

/** The number OQL compares a key value as; undefined for values no `key = n` can match (NULL, lists). */
export function keyNumber(value: StoredValue | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return toNumber(value);
  return undefined;
}

export function createKeyIndexes(): KeyIndexes {
  const byClass = new Map<string, Map<string, ByValue>>();

  const add = (index: ByValue, code: string, obj: StoredObject): void => {
    const n = keyNumber(obj.values[code]);
    if (n === undefined) return;
    let bucket = index.get(n);
    if (bucket === undefined) {
      bucket = new Map();
      index.set(n, bucket);
    }
    bucket.set(obj.id, obj);
  };
  const drop = (index: ByValue, code: string, obj: StoredObject): void => {
    const n = keyNumber(obj.values[code]);
    if (n === undefined) return;
    const bucket = index.get(n);
    bucket?.delete(obj.id);
    if (bucket?.size === 0) index.delete(n);
  };

  return {
    lookup(finalClass, code, value, all) {
      let codes = byClass.get(finalClass);
      if (codes === undefined) {
        codes = new Map();
        byClass.set(finalClass, codes);
      }
      let index = codes.get(code);
      if (index === undefined) {
        index = new Map();
        for (const obj of all()) add(index, code, obj);
        codes.set(code, index);
      }
      return index.get(value)?.values() ?? [];
    },
    update(before, after) {
      const finalClass = before?.finalClass ?? after?.finalClass;
      const codes = finalClass === undefined ? undefined : byClass.get(finalClass);
      if (codes === undefined) return;
      for (const [code, index] of codes) {
        if (before) drop(index, code, before);
        if (after) add(index, code, after);
      }
    },
  };
}
