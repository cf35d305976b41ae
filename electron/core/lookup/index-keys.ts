import type { PersonRecord } from './person-record';
import type { KeyStoredNumber } from './phone-index';
import type { StoredRegions } from './stored-region';
import { packKeys, unpackKeys, type PackedKeys } from './stored-keys-text';

/**
 * The region a stored number is read in, as the cache and the saved index know it: `FR` when the region comes
 * from the organization or the Location, `?FR` when it is only the default guess (the same digits are then
 * uncertain, match-rules.ts), so the two readings never share an entry.
 */
const readingRegion = (region: string, known: boolean): string => (known ? region : `?${region}`);
export const readingRegionOf = (regions: StoredRegions, person: PersonRecord): string => readingRegion(regions.regionOf(person), regions.regionKnown(person));

/**
 * reading region (see readingRegion) → raw → what keyStored said about that stored number. Normalizing ~140k
 * numbers takes seconds, so results are kept: across rebuilds, across refresh steps, and across restarts (saved
 * with each Person's line, and seeded again when that line is read: whatever StoredKeys carries comes back
 * unchanged and nothing is normalized at load).
 */
export interface KeyCache {
  readonly keyed: KeyStoredNumber;
  /** `reading` = readingRegion(region, known) of the Person the number is stored on; keys as packKeys gives them. */
  seed(reading: string, raw: string, keys: PackedKeys): void;
  /** What the cache holds for a number, packed (saving the index writes it as it is); undefined = never keyed. */
  packed(reading: string, raw: string): PackedKeys | undefined;
  /** Keeps only the numbers these Persons store (after a rebuild), so the cache does not grow forever. */
  retain(persons: Iterable<PersonRecord>, regions: StoredRegions): void;
}


export function createKeyCache(keyStored: KeyStoredNumber): KeyCache {
  // region → raw → keys: the raw texts are the Persons' own strings, so the cache adds no key string per number.
  let keys = new Map<string, Map<string, PackedKeys>>();
  const inRegion = (region: string): Map<string, PackedKeys> => {
    let known = keys.get(region);
    if (!known) keys.set(region, (known = new Map()));
    return known;
  };
  const keyed: KeyStoredNumber = (raw, region, known) => {
    const table = inRegion(readingRegion(region, known));
    const hit = table.get(raw);
    if (hit !== undefined) return unpackKeys(hit) ?? undefined;
    const computed = keyStored(raw, region, known);
    table.set(raw, packKeys(computed ?? null));
    return computed;
  };
  return {
    keyed,
    seed: (reading, raw, value) => void inRegion(reading).set(raw, value),
    packed: (reading, raw) => keys.get(reading)?.get(raw),
    retain(persons, regions) {
      const before = keys;
      keys = new Map();
      for (const person of persons) {
        const region = readingRegionOf(regions, person);
        for (const phone of person.phones) {
          const known = before.get(region)?.get(phone.raw);
          if (known !== undefined) inRegion(region).set(phone.raw, known);
        }
      }
    },
  };
}

const SLICE = 2000;
const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Keys every stored number in slices that leave the event loop free (calls keep flowing during a build). */
export async function keyAllInSlices(persons: readonly PersonRecord[], regions: StoredRegions, keyed: KeyStoredNumber): Promise<void> {
  let done = 0;
  for (const person of persons) {
    const region = regions.regionOf(person);
    const known = regions.regionKnown(person);
    for (const phone of person.phones) keyed(phone.raw, region, known);
    done += 1;
    if (done % SLICE === 0) await yieldToLoop();
  }
}
