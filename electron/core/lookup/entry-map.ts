/**
 * Number key → entries, sized for 140k stored numbers (issue 14: ≤ 60 MB heap for the whole index).
 * A Map entry costs ~100 bytes here (slots, slack, a key string); after the bulk load, `freeze()` moves every
 * digit key into two sorted typed arrays instead (8 bytes of key + one reference per entry) searched by
 * bisection. Later changes (a contact created, a slice refreshed) go to a small Map beside it, and removed
 * frozen entries are remembered in a Set until the next rebuild.
 */
export interface EntryMap<E> {
  add(key: string, entry: E): void;
  get(key: string): readonly E[];
  /** Removes the entries `drop` selects under one key. */
  remove(key: string, drop: (entry: E) => boolean): void;
  /** Packs what was added so far (call once, after the bulk load). */
  freeze(): void;
}

type Key = number | string;
const DIGITS = /^[1-9]\d{0,14}$/;

/** `+33123456789` → -33123456789, a suffix `12345678` → 12345678; anything else stays a string (never equal to a number). */
const compact = (key: string): Key => {
  const plus = key.startsWith('+');
  const digits = plus ? key.slice(1) : key;
  return DIGITS.test(digits) ? (plus ? -Number(digits) : Number(digits)) : key;
};

export function createEntryMap<E extends object>(): EntryMap<E> {
  const recent = new Map<Key, E | E[]>();
  let frozenKeys = new Float64Array(0);
  let frozenEntries: E[] = [];
  const removed = new Set<E>();
  // Until the first freeze(), digit keys are only appended (the bulk load): no Map to grow and rehash.
  let bulk: { keys: number[]; entries: E[] } | undefined = { keys: [], entries: [] };

  /** Index of the first frozen key >= k. */
  const lowerBound = (k: number): number => {
    let lo = 0;
    let hi = frozenKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((frozenKeys[mid] ?? 0) < k) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const frozenAt = (k: Key): E[] => {
    if (typeof k !== 'number' || frozenKeys.length === 0) return [];
    const out: E[] = [];
    for (let i = lowerBound(k); i < frozenKeys.length && frozenKeys[i] === k; i += 1) {
      const entry = frozenEntries[i];
      if (entry !== undefined && !removed.has(entry)) out.push(entry);
    }
    return out;
  };
  const recentAt = (k: Key): E[] => {
    const known = recent.get(k);
    return known === undefined ? [] : Array.isArray(known) ? known : [known];
  };

  return {
    add(key, entry) {
      const k = compact(key);
      if (bulk && typeof k === 'number') {
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
      const k = compact(key);
      const frozen = frozenAt(k);
      const fresh = recentAt(k);
      return frozen.length === 0 ? fresh : fresh.length === 0 ? frozen : [...frozen, ...fresh];
    },
    remove(key, drop) {
      if (bulk) this.freeze();
      const k = compact(key);
      for (const entry of frozenAt(k)) if (drop(entry)) removed.add(entry);
      const known = recent.get(k);
      if (known === undefined) return;
      const kept = (Array.isArray(known) ? known : [known]).filter((e) => !drop(e));
      if (kept.length === 0) recent.delete(k);
      else recent.set(k, kept.length === 1 ? (kept[0] as E) : kept);
    },
    freeze() {
      const keys: number[] = bulk?.keys ?? [];
      const entries: E[] = bulk?.entries ?? [];
      bulk = undefined;
      for (let i = 0; i < frozenKeys.length; i += 1) {
        const entry = frozenEntries[i];
        if (entry !== undefined && !removed.has(entry)) {
          keys.push(frozenKeys[i] ?? 0);
          entries.push(entry);
        }
      }
      for (const [k, value] of recent) {
        if (typeof k !== 'number') continue;
        for (const entry of Array.isArray(value) ? value : [value]) {
          keys.push(k);
          entries.push(entry);
        }
        recent.delete(k);
      }
      // Sorted by key, then by arrival: entries of one key keep their order.
      const order = Array.from(keys, (_, i) => i).sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || a - b);
      frozenKeys = Float64Array.from(order, (i) => keys[i] ?? 0);
      frozenEntries = order.map((i) => entries[i] as E);
      removed.clear();
    },
  };
}
