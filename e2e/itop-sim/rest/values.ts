/**
 * RestUtils::MakeObjectFromFields / UpdateObjectFromFields: each field goes through MakeValue
 * (unknown attribute, external key resolution) and DBObject::Set; errors are prefixed "<att>: ".
 */
import type { AttrDef, BlobValue, CaseLogEntry, LinkRow, StoredValue } from '../model/types';
import type { CallContext } from './context';
import { isPlainObject, phpString, RestError } from './errors';
import { findObjectFromKey } from './keys';
import { writeCaseLog } from './caselog';
import { parseDateTime } from './dates';
import { sanitizeHtml } from './html';

const READ_ONLY = new Set(['extfield', 'metaenum', 'stopwatch', 'sw-deadline', 'sw-passed', 'sw-over']);

/** Applies `fields` to `draft` (the object's values) and returns the codes it changed. */
export function applyFields(call: CallContext, cls: string, draft: Record<string, StoredValue>, fields: unknown): Set<string> {
  const changed = new Set<string>();
  // foreach over a non-array in PHP only warns: nothing is set.
  if (!isPlainObject(fields)) return changed;
  for (const [code, value] of Object.entries(fields)) {
    const field = call.schema.field(cls, code);
    if (!field) throw new RestError(`${code}: Unknown attribute`);
    try {
      if (!field.attr || READ_ONLY.has(field.attr.type)) {
        throw new RestError(`Attempting to set the value on the read-only attribute ${cls}::${code}`);
      }
      draft[code] = makeValue(call, field.attr, draft[code], value);
      changed.add(code);
    } catch (e) {
      if (e instanceof RestError) throw new RestError(`${code}: ${e.message}`, e.code);
      throw e;
    }
  }
  return changed;
}

function makeValue(call: CallContext, attr: AttrDef, current: StoredValue | undefined, value: unknown): StoredValue {
  switch (attr.type) {
    case 'extkey': {
      const target = findObjectFromKey(call, attr.target ?? '', value, true);
      return target ? target.id : 0;
    }
    case 'caselog':
      return writeCaseLog(call, attr.code, (current ?? []) as readonly CaseLogEntry[], value);
    case 'datetime':
    case 'date': {
      if (value === null || value === '') return '';
      const parsed = parseDateTime(call, value, attr.type);
      if (parsed === undefined) {
        const format = attr.type === 'date' ? 'Y-m-d' : 'Y-m-d H:i:s';
        throw new RestError(`Wrong format for date attribute ${attr.code}, expecting "${format}" and got "${phpString(value)}"`);
      }
      return parsed;
    }
    case 'blob':
      return blobValue(value);
    case 'linkset':
      return linkRows(value);
    case 'enum':
      return value === null || value === '' ? null : scalarText(value);
    case 'html':
      return value === null ? '' : sanitizeHtml(scalarText(value));
    default:
      return value === null ? '' : scalarText(value);
  }
}

function scalarText(value: unknown): string {
  if (typeof value === 'object' && value !== null) throw new RestError('Wrong format: expecting a scalar value');
  return phpString(value);
}

function blobValue(value: unknown): BlobValue | null {
  if (value === null) return null;
  if (!isPlainObject(value)) throw new RestError('Wrong format for a document, expecting {"data":base64,"mimetype","filename"}');
  const data = phpString(value.data);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data.replace(/\s/g, ''))) throw new RestError('Invalid base64 data for the document');
  return { data: data.replace(/\s/g, ''), mimetype: phpString(value.mimetype), filename: phpString(value.filename) };
}

function linkRows(value: unknown): LinkRow[] {
  if (!Array.isArray(value)) throw new RestError('Wrong format for a link set, expecting an array of objects');
  return value.map((row) => {
    if (!isPlainObject(row)) throw new RestError('Wrong format for a link set item, expecting an object');
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, scalarText(v)]));
  });
}
