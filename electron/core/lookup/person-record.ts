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
