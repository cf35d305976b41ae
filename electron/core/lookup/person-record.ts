import { z } from 'zod';
import type { ItopObject } from './itop-reader';

/** A Person as the index and the caller panel need it (iTop values are strings; missing ones become ''). */
export interface PersonRecord {
  readonly id: string;
  readonly name: string;
  readonly orgId: string;
  readonly orgName: string;
  readonly locationId: string;
  readonly locationName: string;
  readonly email: string;
  readonly inactive: boolean;
  /** Non-empty phone attributes, in configured order. */
  readonly phones: readonly { readonly attribute: string; readonly raw: string }[];
  /** Every returned field as text, for caller_information.display_name. */
  readonly fields: Readonly<Record<string, string>>;
}

const BASE_PERSON_FIELDS = [
  'id',
  'friendlyname',
  'first_name',
  'name',
  'org_id',
  'org_name',
  'location_id',
  'location_name',
  'email',
  'phone',
  'mobile_phone',
  'status',
] as const;

export const DEFAULT_PHONE_ATTRIBUTES = ['phone', 'mobile_phone'] as const;

// iTop writes every scalar as a string, but null enums and JSON booleans exist (itop-rest.md §2.2).
const FieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]).transform((v) => (v === null ? '' : String(v)));
const Id = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(String);

/** Output fields for Person reads: the base ones, the phone attributes and the display attributes. */
export function personOutputFields(phoneAttributes: readonly string[], displayAttributes: readonly string[]): string[] {
  return [...new Set<string>([...BASE_PERSON_FIELDS, ...phoneAttributes, ...displayAttributes])];
}

/** Reads one `core/get` object as a Person; objects without a usable id are skipped (undefined). */
export function toPersonRecord(object: ItopObject, phoneAttributes: readonly string[]): PersonRecord | undefined {
  const id = Id.safeParse(object.fields['id'] ?? object.id);
  if (!id.success) return undefined;
  const fields: Record<string, string> = {};
  for (const [code, value] of Object.entries(object.fields)) {
    const parsed = FieldValue.safeParse(value);
    if (parsed.success) fields[code] = parsed.data;
  }
  const text = (code: string): string => (fields[code] ?? '').trim();
  const fullName = text('friendlyname') || `${text('first_name')} ${text('name')}`.trim() || `Person #${id.data}`;
  const phones = phoneAttributes.flatMap((attribute) => (text(attribute) === '' ? [] : [{ attribute, raw: text(attribute) }]));
  return {
    id: id.data,
    name: fullName,
    orgId: text('org_id'),
    orgName: text('org_name'),
    locationId: text('location_id'),
    locationName: text('location_name'),
    email: text('email'),
    inactive: text('status') === 'inactive',
    phones,
    fields,
  };
}

/**
 * The index's own read of a Person: what the card shows and what the numbers need, no first/last name
 * (friendlyname has both). Every agent reads the whole directory over a day, so each field costs bytes on iTop.
 */
export function indexOutputFields(phoneAttributes: readonly string[], displayAttributes: readonly string[]): string[] {
  return personOutputFields(phoneAttributes, displayAttributes).filter((f) => f !== 'first_name' && f !== 'name');
}

/** Same data as far as the index and the card are concerned (a refresh re-learns only what changed). */
export function samePerson(a: PersonRecord, b: PersonRecord): boolean {
  if (a.name !== b.name || a.orgId !== b.orgId || a.orgName !== b.orgName || a.locationId !== b.locationId) return false;
  if (a.locationName !== b.locationName || a.email !== b.email || a.inactive !== b.inactive || a.phones.length !== b.phones.length) return false;
  if (a.phones.some((p, i) => p.attribute !== b.phones[i]?.attribute || p.raw !== b.phones[i]?.raw)) return false;
  const codes = new Set([...Object.keys(a.fields), ...Object.keys(b.fields)]);
  for (const code of codes) if ((a.fields[code] ?? '') !== (b.fields[code] ?? '')) return false;
  return true;
}

/**
 * A Person as the index keeps it, 100k at a time: one flat object per Person (measured: the plain record with
 * its phones array, phone objects and fields object costs ~270 bytes of objects per Person, this ~100).
 * `phones` and `fields` are built when read (a match, a refresh), repeated texts are shared through `intern`,
 * and only display attributes whose value is not already one of the record's own texts are stored.
 */
class IndexedPerson implements PersonRecord {
  constructor(
    readonly id: string,
    readonly name: string,
    readonly orgId: string,
    readonly orgName: string,
    readonly locationId: string,
    readonly locationName: string,
    readonly email: string,
    readonly inactive: boolean,
    /** attribute, raw, attribute, raw… */
    private readonly flat: readonly string[],
    /** Display attribute codes and their values, side by side, or the shared empty array. */
    private readonly display: readonly string[],
  ) {}

  get phones(): PersonRecord['phones'] {
    const phones: { attribute: string; raw: string }[] = [];
    for (let i = 0; i + 1 < this.flat.length; i += 2) phones.push({ attribute: this.flat[i] ?? '', raw: this.flat[i + 1] ?? '' });
    return phones;
  }

  get fields(): PersonRecord['fields'] {
    const own = [this.name, this.orgName, this.locationName, this.email];
    const fields: Record<string, string> = {};
    for (let i = 0; i + 1 < this.display.length; i += 2) {
      const value = this.display[i + 1] ?? '';
      fields[this.display[i] ?? ''] = value.startsWith(OWN) ? (own[Number(value.slice(1))] ?? '') : value;
    }
    return fields;
  }
}

const NOTHING: readonly string[] = [];
/** In `display`, `\u0000k` stands for the record's own k-th text (name, organization, location, e-mail). */
const OWN = '\u0000';

/** slimPerson with its own table of shared texts (organization and location names, attribute codes…). */
export function createSlimmer(displayAttributes: readonly string[]): (person: PersonRecord) => PersonRecord {
  const interned = new Map<string, string>();
  const intern = (text: string): string => {
    const known = interned.get(text);
    if (known !== undefined) return known;
    interned.set(text, text);
    return text;
  };
  return (person) => slimPerson(person, displayAttributes, intern);
}

function slimPerson(person: PersonRecord, displayAttributes: readonly string[], intern: (text: string) => string): PersonRecord {
  const orgName = intern(person.orgName);
  const locationName = intern(person.locationName);
  // A display value equal to a text the record has anyway (friendlyname = name…) is stored as a reference to
  // it, so most Persons share one interned `display` array per configuration instead of holding their own.
  const own = [person.name, orgName, locationName, person.email];
  const display: string[] = [];
  let shared = true;
  for (const code of displayAttributes) {
    const value = person.fields[code];
    if (value === undefined || value === '') continue;
    const k = own.indexOf(value);
    shared &&= k >= 0;
    display.push(code, k >= 0 ? `${OWN}${k}` : value);
  }
  // Sized exactly: an array grown by push() keeps room for 17 elements, 150 bytes per Person for nothing.
  const phones = person.phones;
  const flat = new Array<string>(phones.length * 2);
  phones.forEach((phone, i) => {
    flat[2 * i] = intern(phone.attribute);
    flat[2 * i + 1] = phone.raw;
  });
  return new IndexedPerson(
    person.id, person.name, intern(person.orgId), orgName, intern(person.locationId), locationName, person.email, person.inactive, flat,
    display.length === 0 ? NOTHING : shared ? internList(display, intern) : display.slice(),
  );
}

// One array per distinct list of references (a handful per configuration), found through its joined text.
const lists = new Map<string, readonly string[]>();
function internList(list: readonly string[], intern: (text: string) => string): readonly string[] {
  const key = intern(list.join('\u0001'));
  let known = lists.get(key);
  if (!known) lists.set(key, (known = list));
  return known;
}
