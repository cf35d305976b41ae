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

/**
 * Kept per number for 140k numbers, so the usual `{ e164, digits }` whose digits are the E.164's own is kept as
 * its E.164 text alone and rebuilt when read; any other shape (more properties, other digits) is kept as is.
 */
type Packed = StoredKeys | string | null;
const pack = (keys: StoredKeys | null): Packed => {
  if (keys === null || keys.e164 === undefined || keys.digits !== keys.e164.slice(1)) return keys;
  return Object.keys(keys).length === 2 ? keys.e164 : keys;
};
const unpack = (packed: Packed): StoredKeys | null => (typeof packed === 'string' ? { e164: packed, digits: packed.slice(1) } : packed);

export function createKeyCache(keyStored: KeyStoredNumber): KeyCache {
  // region → raw → keys: the raw texts are the Persons' own strings, so the cache adds no key string per number.
  let keys = new Map<string, Map<string, Packed>>();
  const inRegion = (region: string): Map<string, Packed> => {
    let known = keys.get(region);
    if (!known) keys.set(region, (known = new Map()));
    return known;
  };
  const keyed: KeyStoredNumber = (raw, region) => {
    const table = inRegion(region);
    const hit = table.get(raw);
    if (hit !== undefined) return unpack(hit) ?? undefined;
    const computed = keyStored(raw, region);
    table.set(raw, pack(computed ?? null));
    return computed;
  };
  return {
    keyed,
    seed: (region, raw, value) => void inRegion(region).set(raw, pack(value)),
    retain(persons, regionOf) {
      const before = keys;
      keys = new Map();
      for (const person of persons) {
        const region = regionOf(person);
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
export async function keyAllInSlices(persons: readonly PersonRecord[], regionOf: (p: PersonRecord) => string, keyed: KeyStoredNumber): Promise<void> {
  let done = 0;
  for (const person of persons) {
    const region = regionOf(person);
    for (const phone of person.phones) keyed(phone.raw, region);
    done += 1;
    if (done % SLICE === 0) await yieldToLoop();
  }
}
