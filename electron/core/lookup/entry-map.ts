/**
 * Number key → entries, sized for 140k stored numbers (issue 14: ≤ 60 MB heap for the whole index). An entry
 * is a plain number (phone-index.ts packs a Person id and the number's position in it), never an object.
 * A Map entry costs ~100 bytes here (slots, slack, a key string); after the bulk load, `freeze()` moves every
 * digit key and its entry into two sorted Float64Arrays (16 bytes per stored key) searched by bisection.
 * Later changes (a contact created, a slice refreshed) go to a small Map beside it, and removed frozen
 * entries are remembered in a Set until the next freeze.
 */
export interface EntryMap {
  /** `key` is an E.164 or up to 15 digits; other keys are not kept (see compactKey). */
  add(key: string, entry: number): void;
  get(key: string): readonly number[];
  /** Removes the entries `drop` selects under one key. */
  remove(key: string, drop: (entry: number) => boolean): void;
  /** Packs what was added so far (call once, after the bulk load). */
  freeze(): void;
  /** Everything in the packed form (frozen first): what a saved index keeps, read back by createEntryMap(frozen). */
  frozen(): FrozenEntries;
}

/** Keys in ascending order, and the entry of each key at the same position. */
export interface FrozenEntries {
  readonly keys: Float64Array;
  readonly entries: Float64Array;
}

const E164 = /^\+[1-9]\d{0,14}$/;
const DIGITS = /^\d{1,15}$/;

/**
 * Keys as numbers: an E.164 `+33123456789` → -33123456789; digits `01234567` → 101234567 (a leading 1 keeps
 * leading zeros apart: `0123` ≠ `123`). Both stay below 2^53. Anything else cannot be a key (undefined): no
 * received number could equal it.
 */
export const compactKey = (key: string): number | undefined => {
  if (E164.test(key)) return -Number(key.slice(1));
  return DIGITS.test(key) ? Number(`1${key}`) : undefined;
};

/** An empty map for a bulk load, or the packed form of a saved one (used as it is, no sorting). */
export function createEntryMap(saved?: FrozenEntries): EntryMap {
  const recent = new Map<number, number | number[]>();
  let frozenKeys = saved?.keys ?? new Float64Array(0);
  let frozenEntries = saved?.entries ?? new Float64Array(0);
  /** Frozen entries removed since the last freeze, by key (the same entry number may sit under other keys). */
  const removed = new Map<number, Set<number>>();
  const isRemoved = (k: number, entry: number): boolean => removed.get(k)?.has(entry) ?? false;
  // Until the first freeze(), digit keys are only appended (the bulk load): no Map to grow and rehash.
  let bulk: { keys: number[]; entries: number[] } | undefined = saved ? undefined : { keys: [], entries: [] };

  const frozenAt = (k: number): number[] => {
    if (frozenKeys.length === 0) return [];
    const out: number[] = [];
    for (let i = lowerBound(frozenKeys, k); i < frozenKeys.length && frozenKeys[i] === k; i += 1) {
      const entry = frozenEntries[i] ?? 0;
      if (!isRemoved(k, entry)) out.push(entry);
    }
    return out;
  };
  const recentAt = (k: number): number[] => {
    const known = recent.get(k);
    return known === undefined ? [] : Array.isArray(known) ? known : [known];
  };

  return {
    add(key, entry) {
      const k = compactKey(key);
      if (k === undefined) return;
      if (bulk) {
        bulk.keys.push(k);
        bulk.entries.push(entry);
        return;
      }
      const known = recent.get(k);
      if (known === undefined) recent.set(k, entry);
      else if (Array.isArray(known)) known.push(entry);
      else recent.set(k, [known, entry]);
    },
    get(key) {
      if (bulk) this.freeze();
      const k = compactKey(key);
      if (k === undefined) return [];
      const frozen = frozenAt(k);
      const fresh = recentAt(k);
      return frozen.length === 0 ? fresh : fresh.length === 0 ? frozen : [...frozen, ...fresh];
    },
    remove(key, drop) {
      if (bulk) this.freeze();
      const k = compactKey(key);
      if (k === undefined) return;
      for (const entry of frozenAt(k)) {
        if (!drop(entry)) continue;
        const gone = removed.get(k) ?? new Set<number>();
        removed.set(k, gone.add(entry));
      }
      const known = recent.get(k);
      if (known === undefined) return;
      const kept = (Array.isArray(known) ? known : [known]).filter((e) => !drop(e));
      if (kept.length === 0) recent.delete(k);
      else recent.set(k, kept.length === 1 ? (kept[0] as number) : kept);
    },
    freeze() {
      const keys: number[] = bulk?.keys ?? [];
      const entries: number[] = bulk?.entries ?? [];
      bulk = undefined;
      for (let i = 0; i < frozenKeys.length; i += 1) {
        const entry = frozenEntries[i] ?? 0;
        if (!isRemoved(frozenKeys[i] ?? 0, entry)) {
          keys.push(frozenKeys[i] ?? 0);
          entries.push(entry);
        }
      }
      for (const [k, value] of recent) {
        for (const entry of Array.isArray(value) ? value : [value]) {
          keys.push(k);
          entries.push(entry);
        }
        recent.delete(k);
      }
      ({ keys: frozenKeys, entries: frozenEntries } = sortByKey(keys, entries));
      removed.clear();
    },
    frozen() {
      if (bulk || recent.size > 0 || removed.size > 0) this.freeze();
      return { keys: frozenKeys, entries: frozenEntries };
    },
  };
}

/**
 * Sorted by key, then by arrival (entries of one key keep their order): the keys sorted natively, then each
 * entry placed after the entries of smaller keys. A comparator sort of 140k indices took ~60 ms; this ~15.
 */
function sortByKey(keys: readonly number[], entries: readonly number[]): FrozenEntries {
  const n = keys.length;
  const unique = Float64Array.from(keys).sort();
  let u = 0;
  for (let i = 0; i < n; i += 1) if (u === 0 || unique[i] !== unique[u - 1]) unique[u++] = unique[i] ?? 0;
  const bucketOf = new Int32Array(n);
  const next = new Int32Array(u + 1);
  for (let i = 0; i < n; i += 1) {
    const b = lowerBound(unique, keys[i] ?? 0, u);
    bucketOf[i] = b;
    next[b + 1] = (next[b + 1] ?? 0) + 1;
  }
  for (let b = 1; b <= u; b += 1) next[b] = (next[b] ?? 0) + (next[b - 1] ?? 0);
  const sortedKeys = new Float64Array(n);
  const sortedEntries = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const b = bucketOf[i] ?? 0;
    const at = next[b] ?? 0;
    next[b] = at + 1;
    sortedKeys[at] = keys[i] ?? 0;
    sortedEntries[at] = entries[i] ?? 0;
  }
  return { keys: sortedKeys, entries: sortedEntries };
}

/** Index of the first of the `length` first values of `sorted` that is ≥ `value` (bisection). */
export function lowerBound(sorted: Float64Array, value: number, length = sorted.length): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
