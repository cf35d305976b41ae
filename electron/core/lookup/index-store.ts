import { loadIndexFile, saveIndexFile, type IndexSource } from './index-file';
import { readingRegionOf, type KeyCache } from './index-keys';
import type { PersonRecord } from './person-record';
import { createPhoneIndex, type PhoneIndex } from './phone-index';
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
  return {
    save(index, state) {
      const store = deps.store;
      if (!store) return saving;
      const meta = { savedAt: deps.now(), syncedAt: state.syncedAt, maxId: state.maxId, cursor: state.cursor, locations: state.locations };
      saving = saving
        .then(() => {
          const persons = [...index.records()].map((person) => {
            const region = state.regions.regionOf(person);
            const known = state.regions.regionKnown(person);
            // Saved with the reading region (`?FR` = the default guess), so a reload never mixes certainties.
            return { person, region: readingRegionOf(state.regions, person), keys: person.phones.map((p) => deps.keys.keyed(p.raw, region, known) ?? null) };
          });
          return saveIndexFile(store.path, store.source, { ...meta, phoneAttributes: deps.phoneAttributes, displayAttributes: deps.displayAttributes, persons });
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
      const snapshot = file.value;
      const regions = createStoredRegions({ defaultRegion: deps.defaultRegion, orgRegions: deps.orgRegions, locationRegions: snapshot.locations });
      for (const saved of snapshot.persons) {
        // A number keyed in another region (orgRegions changed since) is keyed again, not trusted.
        if (readingRegionOf(regions, saved.person) === saved.region) saved.person.phones.forEach((p, i) => deps.keys.seed(saved.region, p.raw, saved.keys[i] ?? null));
      }
      const index = createPhoneIndex(snapshot.persons.map((s) => deps.slim(s.person)), { suffixDigits: deps.suffixDigits, keyStored: deps.keys.keyed, regionOf: regions.regionOf, regionKnown: regions.regionKnown });
      return { index, regions, locations: snapshot.locations, maxId: snapshot.maxId, cursor: snapshot.cursor, syncedAt: snapshot.syncedAt };
    },
  };
}
