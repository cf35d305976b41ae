import { isDeepStrictEqual } from 'node:util';
import { loadIndexFile, saveIndexFile, type IndexSource, type KeySettings, type LoadedIndexFile } from './index-file';
import { readingRegionOf, type KeyCache } from './index-keys';
import { decodeRow, decodeRows, encodeRow, type RowPerson } from './index-rows';
import type { PersonRecord } from './person-record';
import { createPhoneIndex, openPhoneIndex, type PhoneIndex, type PhoneIndexOptions } from './phone-index';
import { openSavedRows } from './saved-rows';
import { packKeys } from './stored-keys-text';
import { createStoredRegions, type StoredRegions } from './stored-region';

/** The index service's side of the file: what to save from memory, and an index ready to use from disk. */
export interface IndexStoreDeps {
  readonly store?: { readonly path: string; readonly source: IndexSource };
  readonly phoneAttributes: readonly string[];
  readonly displayAttributes: readonly string[];
  readonly defaultRegion: string;
  readonly orgRegions: Readonly<Record<string, string>>;
  readonly suffixDigits: number;
  readonly keys: KeyCache;
  readonly slim: (person: PersonRecord) => PersonRecord;
  readonly now: () => number;
  readonly log?: (message: string) => void;
}

export interface StoredState {
  readonly syncedAt: number;
  readonly maxId: number;
  readonly cursor: number;
  readonly locations: ReadonlyMap<string, string>;
  readonly regions: StoredRegions;
}

export interface IndexStore {
  /** Saves after the saves queued before (the last state lands last); failures are logged, never thrown. */
  save(index: PhoneIndex, state: StoredState): Promise<void>;
  /** The saved index, or undefined (nothing saved, or a file that must not be used: logged, rebuilt later). */
  load(): Promise<(StoredState & { readonly index: PhoneIndex }) | undefined>;
}

export function createIndexStore(deps: IndexStoreDeps): IndexStore {
  let saving: Promise<void> = Promise.resolve();
  const keySettings: KeySettings = { defaultRegion: deps.defaultRegion, orgRegions: deps.orgRegions, suffixDigits: deps.suffixDigits };

  /** A Person's line with the region its numbers are read in (`?FR` = the default guess) and their keys. */
  const lineOf = (person: PersonRecord, regions: StoredRegions): string => {
    const region = regions.regionOf(person);
    const known = regions.regionKnown(person);
    const reading = readingRegionOf(regions, person);
    const keys = person.phones.map((p) => deps.keys.packed(reading, p.raw) ?? packKeys(deps.keys.keyed(p.raw, region, known) ?? null));
    return encodeRow({ person, region: reading, keys }, deps.phoneAttributes, deps.displayAttributes);
  };

  /** The keys a line was saved with, for the key cache, unless its Person's numbers are read in another region now. */
  const seed = (row: RowPerson, regions: StoredRegions): void => {
    if (readingRegionOf(regions, row.person) !== row.region) return;
    row.person.phones.forEach((p, i) => deps.keys.seed(row.region, p.raw, row.keys[i] ?? null));
  };

  /** The Persons as they were: read one line at a time, when asked (keys packed with today's settings). */
  const opened = (file: LoadedIndexFile, regions: StoredRegions, options: PhoneIndexOptions): PhoneIndex | string => {
    const read = (start: number, end: number): PersonRecord | undefined => {
      const row = decodeRow(file.lines.bytes, start, end, file.phoneAttributes, file.displayAttributes);
      if (row) seed(row, regions);
      return row && deps.slim(row.person);
    };
    const rows = openSavedRows(file.lines, read);
    if (!rows.ok) return `is damaged (Person line ${rows.line})`;
    if (rows.store.size !== file.count) return `is damaged (${rows.store.size} Persons instead of ${file.count})`;
    return openPhoneIndex({ persons: rows.store, byE164: file.byE164, bySuffix: file.bySuffix, numbers: file.numbers }, options);
  };

  /** Regions or digits changed since the save: every Person is read and its numbers keyed again where needed. */
  const rekeyed = (file: LoadedIndexFile, regions: StoredRegions, options: PhoneIndexOptions): PhoneIndex | string => {
    const rows = decodeRows(file.lines.bytes, file.lines.start, file.lines.end, file.phoneAttributes, file.displayAttributes);
    if (!rows.ok) return `is damaged (Person line ${rows.line})`;
    if (rows.persons.length !== file.count) return `is damaged (${rows.persons.length} Persons instead of ${file.count})`;
    for (const row of rows.persons) seed(row, regions);
    return createPhoneIndex(rows.persons.map((row) => deps.slim(row.person)), options);
  };

  return {
    save(index, state) {
      const store = deps.store;
      if (!store) return saving;
      const head = { savedAt: deps.now(), syncedAt: state.syncedAt, maxId: state.maxId, cursor: state.cursor, locations: state.locations };
      saving = saving
        .then(() => {
          const packed = index.forSaving();
          const ids = [...index.ids()].sort((a, b) => Number(a) - Number(b));
          const lines = ids.flatMap((id) => {
            const person = packed.savedLine(id) ?? index.person(id);
            return person === undefined ? [] : [person instanceof Uint8Array ? person : lineOf(person, state.regions)];
          });
          const body = { lines, numbers: index.numbers, byE164: packed.byE164, bySuffix: packed.bySuffix };
          return saveIndexFile(store.path, store.source, { ...head, phoneAttributes: deps.phoneAttributes, displayAttributes: deps.displayAttributes, keySettings }, body);
        })
        .catch((e: unknown) => deps.log?.(`The phone index could not be saved (${store.path}): ${(e as Error).message}`));
      return saving;
    },
    async load() {
      if (!deps.store) return undefined;
      const file = await loadIndexFile(deps.store.path, deps.store.source, deps);
      if (!file.ok) {
        if (file.error.kind === 'unusable') deps.log?.(`The saved phone index ${file.error.reason}; it is rebuilt from iTop.`);
        return undefined;
      }
      const saved = file.value;
      const regions = createStoredRegions({ defaultRegion: deps.defaultRegion, orgRegions: deps.orgRegions, locationRegions: saved.locations });
      const options = { suffixDigits: deps.suffixDigits, keyStored: deps.keys.keyed, regionOf: regions.regionOf, regionKnown: regions.regionKnown };
      const index = isDeepStrictEqual(saved.keySettings, keySettings) ? opened(saved, regions, options) : rekeyed(saved, regions, options);
      if (typeof index === 'string') {
        deps.log?.(`The saved phone index ${index}; it is rebuilt from iTop.`);
        return undefined;
      }
      return { index, regions, locations: saved.locations, maxId: saved.maxId, cursor: saved.cursor, syncedAt: saved.syncedAt };
    },
  };
}
