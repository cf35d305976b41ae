import { lowerBound } from './entry-map';
import { createMapPersonStore, type PersonStore } from './person-store';
import type { PersonRecord } from './person-record';

/**
 * The Persons of a saved index kept as the file's own lines, read one at a time when asked for (a match, a
 * refresh slice, a save). 100k Persons as objects cost ~45 MB of heap and most of a second to build at every
 * start (issue 14); as bytes they cost the file's size outside the heap, an id and an offset per Person, and
 * ~50 ms to open. Persons learned or forgotten since the load live beside the lines, which stay untouched.
 */
export interface SavedLines {
  readonly bytes: Buffer;
  /** Where the Person lines start and end in `bytes` (each line ends with \n). */
  readonly start: number;
  readonly end: number;
}

const NL = 0x0a;
const TAB = 0x09;
const ZERO = 0x30;

export type OpenedRows = { readonly ok: true; readonly store: PersonStore } | { readonly ok: false; readonly line: number };

/**
 * Indexes the lines by id (they are saved in ascending id order); `read` turns one line into a Person, or
 * undefined when it does not read (the file is damaged: checked at open for the first and last lines only,
 * the checksum of the file vouches for the rest).
 */
export function openSavedRows(lines: SavedLines, read: (start: number, end: number) => PersonRecord | undefined): OpenedRows {
  const { bytes } = lines;
  const ids: number[] = [];
  const starts: number[] = [];
  for (let pos = lines.start; pos < lines.end; ) {
    let id = 0;
    let at = pos;
    for (; at < lines.end && bytes[at] !== TAB; at += 1) {
      const digit = (bytes[at] ?? 0) - ZERO;
      if (digit < 0 || digit > 9) return { ok: false, line: ids.length + 1 };
      id = id * 10 + digit;
    }
    if (at === pos || at >= lines.end || (ids.length > 0 && id <= (ids.at(-1) ?? 0))) return { ok: false, line: ids.length + 1 };
    ids.push(id);
    starts.push(pos);
    const end = bytes.indexOf(NL, at);
    if (end < 0 || end >= lines.end) return { ok: false, line: ids.length };
    pos = end + 1;
  }
  starts.push(lines.end);
  const idOf = Float64Array.from(ids);
  const startOf = Float64Array.from(starts);
  const lineAt = (i: number): [number, number] => [startOf[i] ?? 0, (startOf[i + 1] ?? 0) - 1];
  for (const i of ids.length > 0 ? [0, ids.length - 1] : []) if (!read(...lineAt(i))) return { ok: false, line: i + 1 };
  return { ok: true, store: savedRowStore(bytes, idOf, lineAt, read) };
}

function savedRowStore(bytes: Buffer, idOf: Float64Array, lineAt: (i: number) => [number, number], read: (start: number, end: number) => PersonRecord | undefined): PersonStore {
  const changed = createMapPersonStore();
  /** Saved Persons replaced (in `changed`) or deleted since the load. */
  const gone = new Set<string>();
  const find = (id: string): number => {
    const n = Number(id);
    const at = lowerBound(idOf, n);
    return idOf[at] === n && String(n) === id ? at : -1;
  };
  const saved = (id: string): number => (gone.has(id) ? -1 : find(id));
  function* savedIds(): IterableIterator<string> {
    for (const n of idOf) {
      const id = String(n);
      if (!gone.has(id)) yield id;
    }
  }
  const store: PersonStore = {
    get size() {
      return idOf.length - gone.size + changed.size;
    },
    get(id) {
      const i = saved(id);
      return i >= 0 ? read(...lineAt(i)) : changed.get(id);
    },
    set(person) {
      if (find(person.id) >= 0) gone.add(person.id);
      changed.set(person);
    },
    delete(id) {
      const i = saved(id);
      if (i >= 0) gone.add(id);
      return changed.delete(id) || i >= 0;
    },
    *ids() {
      yield* savedIds();
      yield* changed.ids();
    },
    *values() {
      for (const id of savedIds()) {
        const person = store.get(id);
        if (person) yield person;
      }
      yield* changed.values();
    },
    savedLine(id) {
      const i = saved(id);
      return i >= 0 ? bytes.subarray(...lineAt(i)) : undefined;
    },
  };
  return store;
}
