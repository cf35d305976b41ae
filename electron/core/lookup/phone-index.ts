import { createEntryMap, type EntryMap } from './entry-map';
import type { PersonRecord } from './person-record';

/** How a stored number was keyed: E.164 when it could be read, plus its trailing digits. */
export interface StoredKeys {
  readonly e164?: string;
  /** All digits of the number (of the E.164 when known), for the last-N-digits key. */
  readonly digits: string;
}

/** Reads one stored number in the region that applies to its Person; undefined = not a number at all. */
export type KeyStoredNumber = (raw: string, region: string) => StoredKeys | undefined;

export interface IndexHit {
  readonly person: PersonRecord;
  readonly confidence: 'confirmed' | 'probable';
  /** The Person attribute whose value matched (phone, mobile_phone, an extra attribute). */
  readonly attribute: string;
  readonly raw: string;
}

interface Entry {
  readonly personId: string;
  readonly attribute: string;
  readonly raw: string;
}

export interface PhoneIndex {
  readonly persons: number;
  readonly numbers: number;
  readonly suffixDigits: number;
  /** Confirmed hits (same E.164) first, then probable ones (same last N digits only), one per Person. */
  find(e164: string): IndexHit[];
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
}

const digitsOf = (e164: string): string => e164.replace(/\D/g, '');

/** Builds the in-memory index: E.164 → entries (confirmed) and last N digits → entries (probable). */
export function createPhoneIndex(records: Iterable<PersonRecord>, options: PhoneIndexOptions): PhoneIndex {
  const { suffixDigits, keyStored } = options;
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
    for (const phone of person.phones) {
      const keys = keyStored(phone.raw, region);
      if (!keys) continue;
      numbers -= 1; // add() counted every keyed number
      if (keys.e164) dropFrom(byE164, keys.e164, person.id);
      if (keys.digits.length >= suffixDigits) dropFrom(bySuffix, keys.digits.slice(-suffixDigits), person.id);
    }
  };
  const add = (person: PersonRecord, region: string): void => {
    persons.set(person.id, person);
    for (const phone of person.phones) {
      const keys = keyStored(phone.raw, region);
      if (!keys) continue;
      const entry: Entry = { personId: person.id, attribute: phone.attribute, raw: phone.raw };
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
    find(e164) {
      const hits = new Map<string, IndexHit>();
      for (const entry of byE164.get(e164)) {
        const person = persons.get(entry.personId);
        if (person && !hits.has(person.id)) hits.set(person.id, { person, confidence: 'confirmed', attribute: entry.attribute, raw: entry.raw });
      }
      const digits = digitsOf(e164);
      if (digits.length >= suffixDigits) {
        for (const entry of bySuffix.get(digits.slice(-suffixDigits))) {
          const person = persons.get(entry.personId);
          if (person && !hits.has(person.id)) hits.set(person.id, { person, confidence: 'probable', attribute: entry.attribute, raw: entry.raw });
        }
      }
      return [...hits.values()];
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
