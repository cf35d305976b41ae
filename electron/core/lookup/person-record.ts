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

export const BASE_PERSON_FIELDS = [
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
 * A Person as the index keeps it, 100k at a time: only the display attributes among its fields, and
 * repeated texts (organization, location, attribute codes) shared through `intern` instead of copied.
 */
export function slimPerson(person: PersonRecord, displayAttributes: readonly string[], intern: (text: string) => string): PersonRecord {
  const fields: Record<string, string> = {};
  for (const code of displayAttributes) {
    const value = person.fields[code];
    if (value !== undefined && value !== '') fields[code] = value;
  }
  return {
    ...person,
    orgId: intern(person.orgId),
    orgName: intern(person.orgName),
    locationId: intern(person.locationId),
    locationName: intern(person.locationName),
    phones: person.phones.map((p) => ({ attribute: intern(p.attribute), raw: p.raw })),
    fields,
  };
}
