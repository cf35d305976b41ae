/**
 * RestUtils::GetFieldList and ObjectResult: which fields each returned object carries and how
 * they are written ("*" = attributes of the requested class, "*+" = of each object's final class).
 */
import type { StoredObject } from '../model/types';
import type { JsonValue } from '../store/read';
import type { SimContext } from './context';
import { PhpFatal, RestError } from './errors';

export type FieldSpec =
  | { readonly kind: 'star'; readonly cls: string }
  | { readonly kind: 'star-plus' }
  | { readonly kind: 'list'; readonly cls: string; readonly codes: readonly string[] };

/** Fields for delete and get_related: no spec at all gives id and friendlyname. */
export const ID_AND_NAME = (cls: string): FieldSpec => ({ kind: 'list', cls, codes: ['id', 'friendlyname'] });

export function fieldSpec(ctx: SimContext, cls: string, outputFields: unknown): FieldSpec {
  const raw = outputFields === undefined || outputFields === null ? '*' : outputFields;
  if (typeof raw === 'object') throw new PhpFatal('TypeError: explode(): Argument #2 ($string) must be of type string, array given');
  const text = typeof raw === 'boolean' ? (raw ? '1' : '') : String(raw);
  if (text === '*') return { kind: 'star', cls };
  if (text === '*+') return { kind: 'star-plus' };
  const codes = text.split(',').map((c) => c.trim());
  for (const code of codes) {
    if (code !== 'id' && !ctx.schema.field(cls, code)) throw new RestError(`output_fields: invalid attribute code '${code}'`);
  }
  return { kind: 'list', cls, codes };
}

export interface ObjectResult {
  readonly code: number;
  readonly message: string;
  readonly class: string;
  readonly key: string;
  readonly fields: Record<string, JsonValue>;
}

export function objectResult(ctx: SimContext, obj: StoredObject, spec: FieldSpec, code: number, message: string): ObjectResult {
  // A plain object (JSON.stringify's fast path): its keys are schema codes or "id", never "__proto__",
  // as fieldSpec refuses every code the class does not have.
  const fields: Record<string, JsonValue> = {};
  if (spec.kind === 'list') {
    for (const c of spec.codes) {
      const field = ctx.schema.field(obj.finalClass, c);
      fields[c] = c === 'id' ? String(obj.id) : field ? ctx.reader.json(obj, field) : '';
    }
  } else {
    const cls = spec.kind === 'star' ? spec.cls : obj.finalClass;
    for (const field of ctx.schema.starFields(cls)) fields[field.code] = ctx.reader.json(obj, field);
  }
  return { code, message, class: obj.finalClass, key: String(obj.id), fields };
}

/** The `objects` map of RestResultWithObjects: null when nothing was added. */
export function objectsMap(results: readonly ObjectResult[]): Record<string, JsonValue> | null {
  if (results.length === 0) return null;
  const out = Object.create(null) as Record<string, JsonValue>;
  for (const r of results) out[`${r.class}::${r.key}`] = r as unknown as JsonValue;
  return out;
}
