import { createEntryMap, type EntryMap, type FrozenEntries } from './entry-map';
import { judgeStored, lastDigits, type MatchReason, type StoredKeys } from './match-rules';
import type { PersonRecord } from './person-record';
import { createMapPersonStore, type PersonStore } from './person-store';

export type { StoredKeys, StoredReading, MatchReason } from './match-rules';

/**
 * Reads one stored number in the region that applies to its Person; undefined = not a number at all.
 * `regionKnown` = the region came from the Person's Location or `phone.orgRegions`, not from the default.
 */
export type KeyStoredNumber = (raw: string, region: string, regionKnown: boolean) => StoredKeys | undefined;

export interface IndexHit {
  readonly person: PersonRecord;
  readonly confidence: 'confirmed' | 'probable';
  /** The Person attribute whose value matched (phone, mobile_phone, an extra attribute). */
  readonly attribute: string;
  readonly raw: string;
  /** Whether that stored value reads to a valid number with a known country. */
  readonly certain: boolean;
  readonly reason: MatchReason;
}

/**
 * An entry is one stored number as a plain number: the Person's id × SLOTS + the number's position among its
 * phones. 140k entry objects with their keys cost ~25 MB (measured, issue 14); numbers in typed arrays cost
 * 16 bytes, and `find` reads the few candidates' keys again from the key cache (index-keys.ts).
 * iTop ids are unsigned 32-bit integers: × 1024 stays far below 2^53.
 */
const SLOTS = 1024;
const MAX_ID = 2 ** 32;
const entryOf = (personId: number, slot: number): number => personId * SLOTS + slot;
const personOf = (entry: number): string => String(Math.floor(entry / SLOTS));
const slotOf = (entry: number): number => entry % SLOTS;

/** What `find` knows about the received number besides its E.164 (see match-rules.ts). */
export interface FindOptions {
  /** The other valid reading of a bare digit string. */
  readonly alternative?: string;
  /** The received number reads two ways or is not valid: its last digits may match certain stored numbers. */
  readonly uncertain?: boolean;
}

export interface PhoneIndex {
  readonly persons: number;
  readonly numbers: number;
  readonly suffixDigits: number;
  /** Confirmed hits (same E.164) first, then probable ones (match-rules.ts), one per Person. */
  find(e164: string, received?: FindOptions): IndexHit[];
  person(id: string): PersonRecord | undefined;
  /** Adds or replaces one Person (a contact just created by the agent) without a rebuild. */
  learn(person: PersonRecord): void;
  /** Removes one Person (deleted in iTop); true when it was indexed. */
  forget(personId: string): boolean;
  /** Every indexed Person (each read from the saved file when the index was opened from it). */
  records(): IterableIterator<PersonRecord>;
  /** Every indexed Person's id, without reading the Persons (a refresh slice compares ids). */
  ids(): IterableIterator<string>;
  /** The keys in their packed form, and the saved line of each Person unchanged since the index was opened. */
  forSaving(): { readonly byE164: FrozenEntries; readonly bySuffix: FrozenEntries; savedLine(id: string): Uint8Array | undefined };
}

/** An index as a file keeps it: its Persons' lines, its keys already packed, how many numbers they hold. */
export interface SavedPhoneIndex {
  readonly persons: PersonStore;
  readonly byE164: FrozenEntries;
  readonly bySuffix: FrozenEntries;
  readonly numbers: number;
}

export interface PhoneIndexOptions {
  readonly suffixDigits: number;
  /** Asked again for the candidates of every `find`: pass a cached one (index-keys.ts), not the bare reader. */
  readonly keyStored: KeyStoredNumber;
  readonly regionOf: (person: PersonRecord) => string;
  /** True when the Person's region is known (Location, orgRegions); absent = every region is a default guess. */
  readonly regionKnown?: (person: PersonRecord) => boolean;
}

/** Builds the in-memory index: E.164 → entries and last N digits → entries, judged by match-rules.ts. */
export function createPhoneIndex(records: Iterable<PersonRecord>, options: PhoneIndexOptions): PhoneIndex {
  const index = indexOver({ persons: createMapPersonStore(), byE164: createEntryMap(), bySuffix: createEntryMap(), numbers: 0 }, options);
  for (const record of records) index.learn(record);
  index.forSaving(); // packs the bulk load
  return index;
}

/** The index a file saved, used as it is: nothing is read or keyed until a call asks for it. */
export function openPhoneIndex(saved: SavedPhoneIndex, options: PhoneIndexOptions): PhoneIndex {
  return indexOver({ ...saved, byE164: createEntryMap(saved.byE164), bySuffix: createEntryMap(saved.bySuffix) }, options);
}

interface IndexParts {
  readonly persons: PersonStore;
  readonly byE164: EntryMap;
  readonly bySuffix: EntryMap;
  readonly numbers: number;
}

function indexOver(parts: IndexParts, options: PhoneIndexOptions): PhoneIndex {
  const { suffixDigits, regionOf } = options;
  const regionKnown = options.regionKnown ?? (() => false);
  const keysOf = (person: PersonRecord, raw: string): StoredKeys | undefined => options.keyStored(raw, regionOf(person), regionKnown(person));
  const { persons, byE164, bySuffix } = parts;
  let numbers = parts.numbers;

  /** Visits the keyed numbers of a Person with their entries (a Person whose id is not an iTop id has none). */
  const eachNumber = (person: PersonRecord, visit: (keys: StoredKeys, entry: number) => void): void => {
    const id = Number(person.id);
    if (!Number.isInteger(id) || id < 0 || id >= MAX_ID) return;
    person.phones.forEach((phone, slot) => {
      const keys = slot < SLOTS ? keysOf(person, phone.raw) : undefined;
      if (keys) visit(keys, entryOf(id, slot));
    });
  };
  // Short numbers (switchboard 3-digit codes) would collide with everything: no suffix key for them.
  const suffixOf = (keys: StoredKeys): string | undefined => (keys.digits.length >= suffixDigits ? keys.digits.slice(-suffixDigits) : undefined);
  // Only the keys of the Person's own numbers can hold its entries: visiting them, not the whole map, keeps
  // re-reading a slice of the directory (hundreds of Persons per refresh) cheap at 100k Persons.
  const remove = (person: PersonRecord): void => {
    persons.delete(person.id);
    const mine = (entry: number): boolean => personOf(entry) === person.id;
    eachNumber(person, (keys) => {
      numbers -= 1;
      if (keys.e164) byE164.remove(keys.e164, mine);
      const suffix = suffixOf(keys);
      if (suffix !== undefined) bySuffix.remove(suffix, mine);
    });
  };
  const add = (person: PersonRecord): void => {
    persons.set(person);
    eachNumber(person, (keys, entry) => {
      numbers += 1;
      if (keys.e164) byE164.add(keys.e164, entry);
      const suffix = suffixOf(keys);
      if (suffix !== undefined) bySuffix.add(suffix, entry);
    });
  };

  return {
    get persons() {
      return persons.size;
    },
    get numbers() {
      return numbers;
    },
    suffixDigits,
    find(e164, received = {}) {
      const rules = { e164, uncertain: received.uncertain ?? false, ...(received.alternative ? { alternative: received.alternative } : {}) };
      const confirmed = new Map<string, IndexHit>();
      const probable = new Map<string, IndexHit>();
      const consider = (entries: readonly number[]): void => {
        for (const entry of entries) {
          const person = persons.get(personOf(entry));
          const phone = person && !confirmed.has(person.id) ? person.phones[slotOf(entry)] : undefined;
          const keys = person && phone ? keysOf(person, phone.raw) : undefined;
          const verdict = keys ? judgeStored(keys, rules, suffixDigits) : undefined;
          if (!person || !phone || !keys || !verdict) continue;
          const hit: IndexHit = { person, confidence: verdict.confidence, attribute: phone.attribute, raw: phone.raw, certain: keys.certain, reason: verdict.reason };
          if (verdict.confidence === 'confirmed') {
            confirmed.set(person.id, hit);
            probable.delete(person.id);
          } else if (!probable.has(person.id)) probable.set(person.id, hit);
        }
      };
      consider(byE164.get(e164));
      if (rules.alternative) consider(byE164.get(rules.alternative));
      for (const number of rules.alternative ? [e164, rules.alternative] : [e164]) {
        const tail = lastDigits(number, suffixDigits);
        if (tail !== undefined) consider(bySuffix.get(tail));
      }
      return [...confirmed.values(), ...probable.values()];
    },
    person: (id) => persons.get(id),
    learn(person) {
      const known = persons.get(person.id);
      if (known) remove(known);
      add(person);
    },
    forget(personId) {
      const known = persons.get(personId);
      if (known) remove(known);
      return known !== undefined;
    },
    records: () => persons.values(),
    ids: () => persons.ids(),
    forSaving: () => ({ byE164: byE164.frozen(), bySuffix: bySuffix.frozen(), savedLine: (id) => persons.savedLine?.(id) }),
  };
}
