/**
 * The three key forms of RestUtils (applicationextension.inc.php:2017-2111): numeric id, OQL text,
 * criteria object, with iTop's exact messages for zero, several and malformed matches.
 */
import type { StoredObject } from '../model/types';
import type { CallContext } from './context';
import { isNumeric, isPlainObject, PhpFatal, phpString, RestError } from './errors';
import { foldCase } from './fold';

export interface ObjectSet {
  /** The class of the search: the OQL's class, which decides rights and order. */
  readonly selectedClass: string;
  readonly objects: readonly StoredObject[];
}

/** GetObjectSetFromKey: core/get, core/delete (and the pre-parse of core/update). */
export function objectSetFromKey(call: CallContext, cls: string, key: unknown): ObjectSet {
  if (isPlainObject(key)) {
    const { objects } = searchByCriteria(call, cls, key);
    return { selectedClass: cls, objects: call.order.sort(cls, objects) };
  }
  if (isNumeric(key)) {
    const obj = idMatch(call, cls, key);
    return { selectedClass: cls, objects: obj ? [obj] : [] };
  }
  if (typeof key === 'string') {
    // FromOQL('') returns null, and new DBObjectSet(null) is a TypeError rest.php does not catch.
    if (key === '') throw new PhpFatal('TypeError: DBObjectSet::__construct(): Argument #1 ($oFilter) must be of type DBSearch, null given');
    const run = call.sortedQueries.run(key, call);
    // Only what FromOQL raises (lexing, parsing, normalizing) is wrapped by GetObjectSetFromKey; a missing
    // argument is raised later, when the set is counted or fetched, and reaches rest.php as it is (§4).
    if (!run.ok && run.failure.kind === 'missing-argument') throw new RestError(run.failure.message);
    if (!run.ok) {
      throw new RestError(`Query failed to execute: query = ${key}, exception_class = ${run.failure.exceptionClass}, exception_message = ${run.failure.message}`);
    }
    return { selectedClass: run.selectedClass, objects: run.objects };
  }
  throw new RestError('Wrong format for key');
}

/** FindObjectFromKey: exactly one object, or null for 0 when `allowNull` (external keys). */
export function findObjectFromKey(call: CallContext, cls: string, key: unknown, allowNull: boolean): StoredObject | null {
  if (isPlainObject(key)) return findObjectFromCriteria(call, cls, key);
  if (isNumeric(key)) {
    if (allowNull && Number(key) === 0) return null;
    const obj = idMatch(call, cls, key);
    if (!obj) throw new RestError(`Invalid object ${cls}::${phpString(key)}`);
    return obj;
  }
  if (typeof key === 'string') {
    const run = call.oql.run(key, call);
    // A parse error surfaces with the parser's own message here, not the "Query failed" wrapper.
    if (!run.ok) throw new RestError(run.failure.message);
    const [first] = run.objects;
    if (!first) throw new RestError(`No item found for query: ${key}`);
    if (run.objects.length > 1) throw new RestError(`Several items found (${run.objects.length}) for query: ${key}`);
    return first;
  }
  throw new RestError('Wrong format for key');
}

function idMatch(call: CallContext, cls: string, key: unknown): StoredObject | undefined {
  const n = Number(typeof key === 'string' ? key.trim() : key);
  return Number.isInteger(n) ? call.store.get(cls, n) : undefined;
}

function findObjectFromCriteria(call: CallContext, cls: string, criteria: Record<string, unknown>): StoredObject {
  const { objects, report } = searchByCriteria(call, cls, criteria);
  const [first] = objects;
  if (!first) throw new RestError(`No item found with criteria: ${report}`);
  if (objects.length > 1) throw new RestError(`Several items found (${objects.length}) with criteria: ${report}`);
  return first;
}

/** AND of `attribute = value` under utf8mb4_unicode_ci (case- and accent-insensitive). */
function searchByCriteria(call: CallContext, cls: string, criteria: Record<string, unknown>): { objects: StoredObject[]; report: string } {
  const { schema, reader } = call;
  let searchClass = cls;
  const finalclass = criteria.finalclass;
  if (finalclass !== undefined) {
    const fc = phpString(finalclass);
    if (!schema.classExists(fc)) throw new RestError(`finalclass: Unknown class '${fc}'`);
    if (!schema.isA(fc, cls)) throw new RestError(`finalclass: '${fc}' is not a child class of '${cls}'`);
    searchClass = fc;
  }
  const conditions: { code: string; value: string | number }[] = [];
  const report: string[] = [];
  for (const [code, value] of Object.entries(criteria)) {
    const real = criterionValue(call, searchClass, code, value);
    conditions.push({ code, value: real });
    const shown = typeof value === 'object' && value !== null ? JSON.stringify(value) : phpString(value);
    report.push(`${code}: ${shown} (${real})`);
  }
  const objects: StoredObject[] = [];
  for (const obj of call.store.rowsOf(searchClass)) {
    if (conditions.every((c) => sqlEquals(reader.oql(obj, c.code), c.value))) objects.push(obj);
  }
  return { objects, report: report.join(', ') };
}

/** RestUtils::MakeValue for a criterion: external keys resolve to an id, the rest stays as given. */
function criterionValue(call: CallContext, cls: string, code: string, value: unknown): string | number {
  const field = call.schema.field(cls, code);
  if (!field) throw new RestError(`${code}: Unknown attribute`);
  if (field.attr?.type === 'extkey' && field.attr.target) {
    try {
      const target = findObjectFromKey(call, field.attr.target, value, true);
      return target ? target.id : 0;
    } catch (e) {
      if (e instanceof RestError) throw new RestError(`${code}: ${e.message}`, e.code);
      throw e;
    }
  }
  return phpString(value);
}

function sqlEquals(actual: string | number | null, wanted: string | number): boolean {
  if (actual === null) return false;
  if (typeof actual === 'number' || typeof wanted === 'number') return Number(actual) === Number(wanted);
  return foldCase(actual) === foldCase(wanted);
}
