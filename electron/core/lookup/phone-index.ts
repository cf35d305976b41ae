import { createEntryMap, type EntryMap } from './entry-map';
import { judgeStored, lastDigits, type MatchReason, type StoredKeys } from './match-rules';
import type { PersonRecord } from './person-record';

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

interface Entry {
  readonly personId: string;
  readonly attribute: string;
  readonly raw: string;
  readonly keys: StoredKeys;
}

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
  learn(person: PersonRecord, regionOf: (p: PersonRecord) => string): void;
  /** Removes one Person (deleted in iTop); true when it was indexed. */
  forget(personId: string, regionOf: (p: PersonRecord) => string): boolean;
  /** Every indexed Person, for saving the index and for re-reading it slice by slice. */
  records(): IterableIterator<PersonRecord>;
}

export interface PhoneIndexOptions {
  readonly suffixDigits: number;
  readonly keyStored: KeyStoredNumber;
  readonly regionOf: (person: PersonRecord) => string;
  /** True when the Person's region is known (Location, orgRegions); absent = every region is a default guess. */
  readonly regionKnown?: (person: PersonRecord) => boolean;
}

/** Builds the in-memory index: E.164 → entries and last N digits → entries, judged by match-rules.ts. */
export function createPhoneIndex(records: Iterable<PersonRecord>, options: PhoneIndexOptions): PhoneIndex {
  const { suffixDigits, keyStored } = options;
  const regionKnown = options.regionKnown ?? (() => false);
  const persons = new Map<string, PersonRecord>();
  const byE164 = createEntryMap<Entry>();
  const bySuffix = createEntryMap<Entry>();
  let numbers = 0;

  const push = (map: EntryMap<Entry>, key: string, entry: Entry): void => map.add(key, entry);
  // Only the keys of the Person's own numbers can hold its entries: visiting them, not the whole map, keeps
  // re-reading a slice of the directory (hundreds of Persons per refresh) cheap at 100k Persons.
  const dropFrom = (map: EntryMap<Entry>, key: string, personId: string): void => map.remove(key, (e) => e.personId === personId);
  const remove = (person: PersonRecord, region: string): void => {
    persons.delete(person.id);
    const known = regionKnown(person);
    for (const phone of person.phones) {
      const keys = keyStored(phone.raw, region, known);
      if (!keys) continue;
      numbers -= 1; // add() counted every keyed number
      if (keys.e164) dropFrom(byE164, keys.e164, person.id);
      if (keys.digits.length >= suffixDigits) dropFrom(bySuffix, keys.digits.slice(-suffixDigits), person.id);
    }
  };
  const add = (person: PersonRecord, region: string): void => {
    persons.set(person.id, person);
    const known = regionKnown(person);
    for (const phone of person.phones) {
      const keys = keyStored(phone.raw, region, known);
      if (!keys) continue;
      const entry: Entry = { personId: person.id, attribute: phone.attribute, raw: phone.raw, keys };
      numbers += 1;
      if (keys.e164) push(byE164, keys.e164, entry);
      // Short numbers (switchboard 3-digit codes) would collide with everything: no suffix key for them.
      if (keys.digits.length >= suffixDigits) push(bySuffix, keys.digits.slice(-suffixDigits), entry);
    }
  };

  for (const record of records) add(record, options.regionOf(record));
  byE164.freeze();
  bySuffix.freeze();

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
      const consider = (entries: readonly Entry[] | undefined): void => {
        for (const entry of entries ?? []) {
          if (confirmed.has(entry.personId)) continue;
          const verdict = judgeStored(entry.keys, rules, suffixDigits);
          const person = verdict ? persons.get(entry.personId) : undefined;
          if (!verdict || !person) continue;
          const hit: IndexHit = { person, confidence: verdict.confidence, attribute: entry.attribute, raw: entry.raw, certain: entry.keys.certain, reason: verdict.reason };
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
    learn(person, regionOf) {
      const known = persons.get(person.id);
      if (known) remove(known, regionOf(known));
      add(person, regionOf(person));
    },
    forget(personId, regionOf) {
      const known = persons.get(personId);
      if (known) remove(known, regionOf(known));
      return known !== undefined;
    },
    records: () => persons.values(),
  };
}
