/**
 * In-memory object store. Ids come from one auto-increment sequence per root class (Contact ids are
 * shared by Person and Team, Ticket ids by every ticket class), never reused, like MySQL's.
 * Objects are replaced, not mutated, on update so per-object caches can key on identity.
 */
import type { Schema } from '../model/schema';
import type { StoredObject, StoredValue } from '../model/types';
import { createKeyIndexes } from './key-index';

export interface Store {
  readonly schema: Schema;
  /** Inserts with the next id of the root class, or with `id` (seed data) when given. */
  insert(finalClass: string, values: Record<string, StoredValue>, id?: number): StoredObject;
  replace(obj: StoredObject, values: Record<string, StoredValue>): StoredObject;
  remove(obj: StoredObject): void;
  /** The object with this id whose class is `cls` or a subclass of it. */
  get(cls: string, id: number): StoredObject | undefined;
  /** Every object of `cls` and its subclasses. */
  rowsOf(cls: string): Iterable<StoredObject>;
  countOf(cls: string): number;
  /** Objects of `cls` and its subclasses whose external key `code` is numerically `value` (indexed). */
  rowsByKey(cls: string, code: string, value: number): Iterable<StoredObject>;
  /** Changes on every insert, replace and remove: caches of query results key on it. */
  version(): number;
  /** Changes whenever an object of `cls` or of a subclass is inserted, replaced or removed. */
  versionOf(cls: string): number;
  /** Next value of the per-root-class ticket reference counter (ItopCounter::IncClass). */
  nextRef(cls: string): number;
  /** Seed data with explicit refs moves the counter past them. */
  noteRef(cls: string, n: number): void;
}

export function createStore(schema: Schema): Store {
  const byRoot = new Map<string, Map<number, StoredObject>>();
  const byFinal = new Map<string, Map<number, StoredObject>>();
  const nextId = new Map<string, number>();
  const refCounters = new Map<string, number>();
  const keyIndexes = createKeyIndexes();
  const classVersions = new Map<string, number>();
  let version = 0;
  const changed = (finalClass: string): void => {
    version += 1;
    classVersions.set(finalClass, (classVersions.get(finalClass) ?? 0) + 1);
  };

  const mapOf = <K>(m: Map<K, Map<number, StoredObject>>, key: K): Map<number, StoredObject> => {
    let inner = m.get(key);
    if (!inner) {
      inner = new Map();
      m.set(key, inner);
    }
    return inner;
  };

  const put = (obj: StoredObject): void => {
    const sameClass = mapOf(byFinal, obj.finalClass);
    keyIndexes.update(sameClass.get(obj.id), obj);
    mapOf(byRoot, schema.rootOf(obj.finalClass)).set(obj.id, obj);
    sameClass.set(obj.id, obj);
    changed(obj.finalClass);
  };

  return {
    schema,
    insert(finalClass, values, id) {
      const root = schema.rootOf(finalClass);
      const seq = nextId.get(root) ?? 1;
      const newId = id ?? seq;
      if (mapOf(byRoot, root).has(newId)) throw new Error(`${root}::${newId} already exists`);
      nextId.set(root, Math.max(seq, newId + 1));
      const obj: StoredObject = { id: newId, finalClass, values };
      put(obj);
      return obj;
    },
    replace(obj, values) {
      const next: StoredObject = { id: obj.id, finalClass: obj.finalClass, values };
      put(next);
      return next;
    },
    remove(obj) {
      keyIndexes.update(byFinal.get(obj.finalClass)?.get(obj.id), undefined);
      byRoot.get(schema.rootOf(obj.finalClass))?.delete(obj.id);
      byFinal.get(obj.finalClass)?.delete(obj.id);
      changed(obj.finalClass);
    },
    get(cls, id) {
      if (!schema.classExists(cls)) return undefined;
      const obj = byRoot.get(schema.rootOf(cls))?.get(id);
      return obj && schema.isA(obj.finalClass, cls) ? obj : undefined;
    },
    *rowsOf(cls) {
      if (!schema.classExists(cls)) return;
      for (const concrete of schema.concreteClasses(cls)) {
        const rows = byFinal.get(concrete);
        if (rows) yield* rows.values();
      }
    },
    countOf(cls) {
      if (!schema.classExists(cls)) return 0;
      return schema.concreteClasses(cls).reduce((n, c) => n + (byFinal.get(c)?.size ?? 0), 0);
    },
    *rowsByKey(cls, code, value) {
      if (!schema.classExists(cls)) return;
      for (const concrete of schema.concreteClasses(cls)) {
        const rows = byFinal.get(concrete);
        if (rows) yield* keyIndexes.lookup(concrete, code, value, () => rows.values());
      }
    },
    version: () => version,
    versionOf(cls) {
      if (!schema.classExists(cls)) return 0;
      // Per-class counters only grow, so their sum changes whenever one of them does.
      return schema.concreteClasses(cls).reduce((n, c) => n + (classVersions.get(c) ?? 0), 0);
    },
    nextRef(cls) {
      const root = schema.rootOf(cls);
      const n = (refCounters.get(root) ?? 0) + 1;
      refCounters.set(root, n);
      return n;
    },
    noteRef(cls, n) {
      const root = schema.rootOf(cls);
      refCounters.set(root, Math.max(refCounters.get(root) ?? 0, n));
    },
  };
}
