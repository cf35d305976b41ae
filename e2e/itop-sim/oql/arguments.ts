import type { OqlContext, OqlFailure } from './ports';
import type { SqlValue } from './values';

/**
 * iTop resolves only its magic placeholders in REST queries (MetaModel::AddMagicPlaceholders); any other
 * `:name` fails when the query runs with "Missing query argument", listing the argument keys it did build.
 */
export interface ResolvedArguments {
  readonly values: ReadonlyMap<string, SqlValue>;
  readonly missing: OqlFailure | null;
}

export function resolveArguments(names: readonly string[], ctx: OqlContext): ResolvedArguments {
  // The keys iTop builds, in its order: current_contact_id first, then each object and its used fields.
  const available = new Set<string>();
  const userFields: string[] = [];
  const contactFields: string[] = [];
  for (const name of names) {
    const [head, field] = name.split('->');
    if (head === 'current_contact_id') available.add('current_contact_id');
    else if (head === 'current_user' && field !== undefined) userFields.push(field);
    else if (head === 'current_contact' && field !== undefined) contactFields.push(field);
  }
  if (userFields.length > 0) ['object()', ...userFields].forEach((f) => available.add(`current_user->${f}`));
  if (contactFields.length > 0) ['object()', ...contactFields].forEach((f) => available.add(`current_contact->${f}`));

  const values = new Map<string, SqlValue>();
  for (const name of names) {
    const value = magicValue(name, ctx);
    if (value === undefined) {
      const list = [...available].map((key, i) => `${i}=>${key}`).join('; ');
      const message = `Missing query argument: expecting = ${name}, available = {${list}}`;
      return { values, missing: { kind: 'missing-argument', exceptionClass: 'MissingQueryArgument', message } };
    }
    values.set(name, value);
  }
  return { values, missing: null };
}

function magicValue(name: string, ctx: OqlContext): SqlValue | undefined {
  if (name === 'current_contact_id') return ctx.currentContactId;
  const [head, field, extra] = name.split('->');
  if (field === undefined || extra !== undefined) return undefined;
  if (head === 'current_user') return ctx.currentUser[field] ?? unresolved(name);
  if (head === 'current_contact') {
    if (field === 'id' && ctx.currentContact.id === undefined && ctx.currentContactId > 0) return ctx.currentContactId;
    return ctx.currentContact[field] ?? unresolved(name);
  }
  return undefined;
}

/** iTop substitutes a "cannot be resolved" text for an unknown attribute or a user without contact. */
function unresolved(name: string): string {
  return `Placeholder ${name} cannot be resolved`;
}
