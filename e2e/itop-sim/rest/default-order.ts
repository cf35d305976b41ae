/**
 * iTop's default order for large result sets without re-sorting the class on every request: the rank of
 * every object of a class is computed once per data version (order.ts decides the order itself), and a
 * large set is laid out by rank in linear time. Small sets, the usual ticket lists, are simply sorted.
 */
import type { Schema } from '../model/schema';
import type { StoredObject } from '../model/types';
import type { Reader } from '../store/read';
import type { Store } from '../store/store';
import { sortByDefaultOrder } from './order';

export interface DefaultOrder {
  sort(cls: string, objects: readonly StoredObject[]): StoredObject[];
}

export interface DefaultOrderDeps {
  readonly schema: Schema;
  readonly store: Store;
  readonly reader: Reader;
  /** Sets at least this large use the class ranks (default 2000): below it a sort is cheaper than a lookup table. */
  readonly rankedFrom?: number;
}

interface Ranks {
  readonly version: string;
  readonly rank: ReadonlyMap<StoredObject, number>;
}

export function createDefaultOrder(deps: DefaultOrderDeps): DefaultOrder {
  const { schema, store } = deps;
  const rankedFrom = deps.rankedFrom ?? 2000;
  const ranksByClass = new Map<string, Ranks>();

  /**
   * The data the order of `cls` depends on: only its own objects when the order code is a stored attribute
   * (or a friendlyname made of them), else anything (external fields, a User's name is its Person's).
   */
  const versionOf = (cls: string): string => {
    const { code } = schema.order(cls);
    const plain = (c: string, attrCode: string): boolean => {
      const attr = schema.attr(c, attrCode);
      return attr !== undefined && attr.type !== 'extfield';
    };
    const own = schema.concreteClasses(cls).every((c) =>
      code === 'friendlyname' ? !schema.isA(c, 'User') && schema.naming(c).every((n) => plain(c, n)) : plain(c, code));
    return own ? `class:${store.versionOf(cls)}` : `all:${store.version()}`;
  };

  const ranksOf = (cls: string): ReadonlyMap<StoredObject, number> => {
    const version = versionOf(cls);
    const known = ranksByClass.get(cls);
    if (known?.version === version) return known.rank;
    const rank = new Map<StoredObject, number>();
    sortByDefaultOrder(deps, cls, [...store.rowsOf(cls)]).forEach((obj, i) => rank.set(obj, i));
    ranksByClass.set(cls, { version, rank });
    return rank;
  };

  return {
    sort(cls, objects) {
      if (objects.length < rankedFrom || !schema.classExists(cls)) return sortByDefaultOrder(deps, cls, objects);
      const rank = ranksOf(cls);
      const slots: (StoredObject | undefined)[] = new Array<StoredObject | undefined>(rank.size);
      for (const obj of objects) {
        const r = rank.get(obj);
        // Not an object of the class as stored now (cannot happen for store results): sort the plain way.
        if (r === undefined || slots[r] !== undefined) return sortByDefaultOrder(deps, cls, objects);
        slots[r] = obj;
      }
      return slots.filter((obj): obj is StoredObject => obj !== undefined);
    },
  };
}
