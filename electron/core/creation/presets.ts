import type { CreationEntry, TelephonyConfig } from '../../../shared/config';
import type { PresetField } from '../../../shared/contract/writes';
import { bindOql, type OqlParam } from '../../../shared/oql/bind';
import { describeItopError, type ItopClient } from '../itop';
import { formatItopDate, presetCaller, type CallFacts } from '../journal';

/**
 * The telephony extension's `direct_creation` / `indirect_creation` presets, resolved for one call
 * (seed 004, "Direct ticket creation"): OQL external keys through REST, lone placeholders, enum and string
 * values, and case-log entries with `$datetime$`, `$phone$`, `$caller$`.
 */

export interface CreationChoice {
  class: string;
  entry: CreationEntry;
}

/** The entry whose form opens as soon as the call pops: the first enabled one, in configured order. */
export function firstEnabledDirect(telephony: TelephonyConfig): CreationChoice | undefined {
  return Object.entries(telephony.direct_creation).map(([cls, entry]) => ({ class: cls, entry })).find((c) => c.entry.enabled);
}

/** One "Create …" action per enabled entry, in configured order. */
export function enabledIndirect(telephony: TelephonyConfig): CreationChoice[] {
  return Object.entries(telephony.indirect_creation).map(([cls, entry]) => ({ class: cls, entry })).filter((c) => c.entry.enabled);
}

export interface PresetContext {
  call: CallFacts;
  /** iTop's server time zone, for `$datetime$`. */
  timeZone: string;
  /** Epoch ms of "now", for `$datetime$`. */
  now: number;
}

export interface ResolvedPreset {
  fields: PresetField[];
  problems: { attribute: string; message: string }[];
  callerId?: string;
}

const LOG_ATTRIBUTE = /(^|_)log$/;
const LONE_PLACEHOLDER = /^\s*:([A-Za-z_][A-Za-z0-9_]*)\s*$/;
const OQL = /^\s*SELECT\s+([A-Za-z_][A-Za-z0-9_]*)/i;

export const isLogAttribute = (code: string): boolean => LOG_ATTRIBUTE.test(code);

/** Placeholder values for this call; `selected_caller` is absent when there is no caller. */
export function presetParams(call: CallFacts): Record<string, OqlParam> {
  const caller = presetCaller(call);
  const phone = call.number.e164 ?? call.number.raw;
  return {
    phone,
    phone_e164: call.number.e164 ?? '',
    phone_national: call.number.national ?? call.number.raw,
    caller_name: caller?.name ?? '',
    ...(caller ? { selected_caller: Number(caller.personId) } : {}),
    ...(call.callers.length > 0 ? { callers_list: call.callers.map((c) => Number(c.personId)) } : {}),
  };
}

export function substituteLogTokens(text: string, ctx: PresetContext): string {
  const caller = presetCaller(ctx.call);
  return text
    .replaceAll('$datetime$', formatItopDate(ctx.now, ctx.timeZone))
    .replaceAll('$phone$', ctx.call.number.display || ctx.call.number.raw)
    .replaceAll('$caller$', caller?.name ?? '');
}

export async function resolvePreset(entry: CreationEntry, ctx: PresetContext, client: ItopClient): Promise<ResolvedPreset> {
  const params = presetParams(ctx.call);
  const caller = presetCaller(ctx.call);
  const out: ResolvedPreset = { fields: [], problems: [], ...(caller ? { callerId: caller.personId } : {}) };
  for (const [attribute, source] of Object.entries(entry.preset)) {
    const lone = LONE_PLACEHOLDER.exec(source);
    if (lone) {
      const value = params[lone[1] as string];
      // No caller: the extension leaves the attribute empty, which is not a problem.
      if (typeof value === 'string' || typeof value === 'number') {
        if (value !== '') out.fields.push({ attribute, kind: typeof value === 'number' ? 'key' : 'value', value, source });
      } else if (value === undefined && lone[1] !== 'selected_caller' && lone[1] !== 'callers_list') {
        out.problems.push({ attribute, message: `the placeholder :${lone[1]} has no value for this call` });
      }
      continue;
    }
    const oql = OQL.exec(source);
    if (oql) {
      const resolved = await resolveKey(source, oql[1] as string, params, client);
      if (resolved.kind === 'id') out.fields.push({ attribute, kind: 'key', value: resolved.id, source });
      else if (resolved.kind === 'problem') out.problems.push({ attribute, message: resolved.message });
      continue;
    }
    const value = substituteLogTokens(source, ctx);
    out.fields.push({ attribute, kind: isLogAttribute(attribute) ? 'log' : 'value', value, source });
  }
  return out;
}

type KeyResolution = { kind: 'id'; id: number } | { kind: 'empty' } | { kind: 'problem'; message: string };

async function resolveKey(source: string, className: string, params: Record<string, OqlParam>, client: ItopClient): Promise<KeyResolution> {
  // Without a caller, a query on :selected_caller has nothing to find: left empty, as the extension does.
  if (/:selected_caller\b/.test(source) && params.selected_caller === undefined) return { kind: 'empty' };
  if (/:callers_list\b/.test(source) && params.callers_list === undefined) return { kind: 'empty' };
  const bound = bindOql(source, params);
  if (!bound.ok) return { kind: 'problem', message: bound.error.message };
  const r = await client.get({ class: className, key: bound.value, outputFields: ['id', 'friendlyname'], limit: 2 });
  if (!r.ok) return { kind: 'problem', message: describeItopError(r.error) };
  const [first] = r.value.objects;
  if (r.value.total === 1 && first) return { kind: 'id', id: Number(first.key) };
  if (r.value.total === 0) return { kind: 'problem', message: `no ${className} found for this caller` };
  return { kind: 'problem', message: `${r.value.total} ${className} objects match; choose one` };
}
