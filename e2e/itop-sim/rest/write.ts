/**
 * What DBInsert / DBUpdate do around the values: defaults of a new object, computed values
 * (ref, priority, operational_status, start_date, last_update), and DoCheckToWrite with the
 * CoreCannotSaveObjectException message format of recordings 06b, 06c and 10.
 */
import type { SimClock } from '../clock';
import type { Schema } from '../model/schema';
import type { AttrDef, StoredValue } from '../model/types';
import type { CallContext, SimContext } from './context';
import { RestError } from './errors';

// iTop's default phone_number_validation_pattern, and the recorded instance's relaxed one, which
// let through '030/1234567', 'ext 1234', '+1 415-555-0106 x204' and '… poste 212' (README).
const STRICT_PHONE = /^[0-9.\- +()]+$/;
const RELAXED_PHONE = /^[0-9A-Za-z.\- +()/#*,;:]+$/;
const EMAIL = /^[a-zA-Z0-9._&'-]+@[a-zA-Z0-9.-]+\.[a-zA-Z0-9-]{2,}$/;

/** priority[impact][urgency] of UserRequest / Incident / Problem ComputeValues(). */
const PRIORITY: Record<string, Record<string, string>> = {
  '1': { '1': '1', '2': '1', '3': '2', '4': '4' },
  '2': { '1': '1', '2': '2', '3': '3', '4': '4' },
  '3': { '1': '2', '2': '3', '3': '3', '4': '4' },
};

export function defaultValues(ctx: { readonly schema: Schema }, cls: string): Record<string, StoredValue> {
  const values: Record<string, StoredValue> = {};
  for (const a of ctx.schema.attributes(cls)) values[a.code] = emptyValue(a);
  return values;
}

function emptyValue(a: AttrDef): StoredValue {
  switch (a.type) {
    case 'extkey': return 0;
    case 'enum': case 'metaenum': return a.defaultValue ?? null;
    case 'caselog': case 'linkset': return [];
    case 'blob': return { data: '', mimetype: '', filename: '' };
    case 'extfield': case 'stopwatch': case 'sw-deadline': case 'sw-passed': case 'sw-over': return null;
    default: return a.defaultValue ?? '';
  }
}

export function operationalStatus(status: StoredValue | undefined): string {
  if (status === 'resolved') return 'resolved';
  if (status === 'closed' || status === 'rejected') return 'closed';
  return 'ongoing';
}

/** DoComputeValues + OnInsert / OnUpdate for tickets. */
export function computeValues(ctx: { readonly schema: Schema; readonly clock: SimClock }, cls: string, values: Record<string, StoredValue>, isInsert: boolean): void {
  if (!ctx.schema.isA(cls, 'Ticket')) return;
  const now = ctx.clock.now();
  values.operational_status = operationalStatus(values.status);
  const impact = values.impact;
  const urgency = values.urgency;
  if (ctx.schema.attr(cls, 'priority') && typeof impact === 'string' && typeof urgency === 'string') {
    values.priority = PRIORITY[impact]?.[urgency] ?? values.priority ?? null;
  }
  if (isInsert) {
    if (values.start_date === '' || values.start_date === undefined) values.start_date = now;
    if (values.last_update === '' || values.last_update === undefined) values.last_update = now;
  } else {
    values.last_update = now;
  }
}

/** The ref is given at insert time, from the per-root-class counter. */
export function assignRef(ctx: { readonly schema: Schema; readonly store: SimContext['store'] }, cls: string, values: Record<string, StoredValue>): void {
  const format = ctx.schema.refFormat(cls);
  if (!format || (typeof values.ref === 'string' && values.ref !== '')) return;
  const width = Number(/%0(\d+)d/.exec(format)?.[1] ?? 6);
  values.ref = format.replace(/%0\d+d/, String(ctx.store.nextRef(cls)).padStart(width, '0'));
}

/** Throws the CoreCannotSaveObjectException of iTop when any checked attribute is invalid. */
export function checkToWrite(call: CallContext, cls: string, values: Record<string, StoredValue>, codes: ReadonlySet<string> | 'all', id: number): void {
  const issues: string[] = [];
  for (const a of call.schema.attributes(cls)) {
    if (codes !== 'all' && !codes.has(a.code)) continue;
    const reason = checkValue(call, a, values[a.code]);
    if (reason) issues.push(`Unexpected value for attribute '${a.label}' (${a.code}) : ${reason}`);
  }
  if (issues.length === 0) return;
  const listed = issues.map((s, i) => `${i}=>${s}`).join('; ');
  throw new RestError(`${issues.join(', ')}: issues = {${listed}}, class = ${cls}, id = ${id}`);
}

function checkValue(call: CallContext, a: AttrDef, v: StoredValue | undefined): string | undefined {
  const empty = v === null || v === undefined || v === '' || (a.type === 'extkey' && v === 0);
  if (empty) return a.mandatory ? 'Null not allowed' : undefined;
  if (a.type === 'enum' && !(a.values ?? []).includes(String(v))) return `Value not allowed [${String(v)}]`;
  if (typeof v !== 'string') return undefined;
  if (a.type === 'phone' && !(call.config.strictPhonePattern ? STRICT_PHONE : RELAXED_PHONE).test(v)) return `Wrong format [${v}]`;
  if (a.type === 'email' && !EMAIL.test(v)) return `Wrong format [${v}]`;
  if ((a.type === 'string' || a.type === 'phone' || a.type === 'email') && v.length > 255) {
    return `String too long (found ${v.length}, limited to 255)`;
  }
  return undefined;
}
