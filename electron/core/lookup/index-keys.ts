import type { PersonRecord } from './person-record';
import type { KeyStoredNumber, StoredKeys } from './phone-index';

/**
 * `region|raw` → what keyStored said about that stored number. Normalizing ~140k numbers takes seconds, so
 * results are kept: across rebuilds, across refresh steps, and across restarts (they are saved with the index
 * as they are, so whatever StoredKeys carries comes back unchanged and nothing is normalized at load).
 */
export interface KeyCache {
  readonly keyed: KeyStoredNumber;
  seed(region: string, raw: string, keys: StoredKeys | null): void;
  /** Keeps only the numbers these Persons store (after a rebuild), so the cache does not grow forever. */
  retain(persons: Iterable<PersonRecord>, regionOf: (p: PersonRecord) => string): void;
}

export function createKeyCache(keyStored: KeyStoredNumber): KeyCache {
  let keys = new Map<string, StoredKeys | null>();
  const keyed: KeyStoredNumber = (raw, region) => {
    const id = `${region}|${raw}`;
    const hit = keys.get(id);
    if (hit !== undefined) return hit ?? undefined;
    const computed = keyStored(raw, region);
    keys.set(id, computed ?? null);
    return computed;
  };
  return {
    keyed,
    seed: (region, raw, value) => void keys.set(`${region}|${raw}`, value),
    retain(persons, regionOf) {
      const kept = new Map<string, StoredKeys | null>();
      for (const person of persons) {
        const region = regionOf(person);
        for (const phone of person.phones) {
          const id = `${region}|${phone.raw}`;
          const known = keys.get(id);
          if (known !== undefined) kept.set(id, known);
        }
      }
      keys = kept;
    },
  };
}

const SLICE = 2000;
const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Keys every stored number in slices that leave the event loop free (calls keep flowing during a build). */
export async function keyAllInSlices(persons: readonly PersonRecord[], regionOf: (p: PersonRecord) => string, keyed: KeyStoredNumber): Promise<void> {
  let done = 0;
  for (const person of persons) {
    const region = regionOf(person);
    for (const phone of person.phones) keyed(phone.raw, region);
    done += 1;
    if (done % SLICE === 0) await yieldToLoop();
  }
}
