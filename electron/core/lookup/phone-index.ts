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
  const byE164 = new Map<string, Entry[]>();
  const bySuffix = new Map<string, Entry[]>();
  let numbers = 0;

  const push = (map: Map<string, Entry[]>, key: string, entry: Entry): void => {
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  };
  const drop = (map: Map<string, Entry[]>, personId: string): void => {
    for (const [key, list] of map) {
      const kept = list.filter((e) => e.personId !== personId);
      if (kept.length === 0) map.delete(key);
      else if (kept.length !== list.length) map.set(key, kept);
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
      for (const entry of byE164.get(e164) ?? []) {
        const person = persons.get(entry.personId);
        if (person && !hits.has(person.id)) hits.set(person.id, { person, confidence: 'confirmed', attribute: entry.attribute, raw: entry.raw });
      }
      const digits = digitsOf(e164);
      if (digits.length >= suffixDigits) {
        for (const entry of bySuffix.get(digits.slice(-suffixDigits)) ?? []) {
          const person = persons.get(entry.personId);
          if (person && !hits.has(person.id)) hits.set(person.id, { person, confidence: 'probable', attribute: entry.attribute, raw: entry.raw });
        }
      }
      return [...hits.values()];
    },
    person: (id) => persons.get(id),
    learn(person, regionOf) {
      if (persons.has(person.id)) {
        numbers -= countKeyed(persons.get(person.id), keyStored, regionOf);
        drop(byE164, person.id);
        drop(bySuffix, person.id);
      }
      add(person, regionOf(person));
    },
  };
}

function countKeyed(person: PersonRecord | undefined, keyStored: KeyStoredNumber, regionOf: (p: PersonRecord) => string): number {
  if (!person) return 0;
  const region = regionOf(person);
  return person.phones.filter((p) => keyStored(p.raw, region) !== undefined).length;
}
