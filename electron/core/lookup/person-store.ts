import type { PersonRecord } from './person-record';

/** The Persons of a phone index by id: all in memory (built from iTop), or read from the saved file on demand. */
export interface PersonStore {
  readonly size: number;
  get(id: string): PersonRecord | undefined;
  /** Adds or replaces one Person. */
  set(person: PersonRecord): void;
  /** True when the Person was there. */
  delete(id: string): boolean;
  ids(): IterableIterator<string>;
  values(): IterableIterator<PersonRecord>;
  /** The saved line of a Person that is exactly as it was read from the file (saving copies it as it is). */
  savedLine?(id: string): Uint8Array | undefined;
}

export function createMapPersonStore(): PersonStore {
  const persons = new Map<string, PersonRecord>();
  return {
    get size() {
      return persons.size;
    },
    get: (id) => persons.get(id),
    set: (person) => void persons.set(person.id, person),
    delete: (id) => persons.delete(id),
    ids: () => persons.keys(),
    values: () => persons.values(),
  };
}
