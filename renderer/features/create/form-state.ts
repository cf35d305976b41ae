import type { CtiBridge } from '../../../shared/contract/contract';
import type { FormAttribute, FormModel, ObjectRef } from '../../../shared/contract/forms';
import type { TicketPrefill } from '../../../shared/contract/writes';

/**
 * The quick-create form as data: which attributes it shows and in what order (mandatory first), their
 * values (presets, else iTop's defaults), what is still missing, and what ticket:create receives.
 */
export interface FieldState {
  readonly attr: FormAttribute;
  /** Ids as text for external keys ('' = none); enum codes; texts. */
  readonly value: string;
  /** Where the value came from: the call (caller, number…), a fixed preset, or nothing the agent must know. */
  readonly origin?: 'call' | 'preset';
  /** The configured preset, shown as the hint's tooltip. */
  readonly source?: string;
}

// Presets that read the call itself (the extension's placeholders and log tokens).
const FROM_CALL = /:(selected_caller|callers_list|phone|phone_e164|phone_national|caller_name)\b|\$(phone|caller)\$/;

/** Mandatory attributes first (those the form lists first in its order), then the offered ones, then presets. */
export function buildFields(model: FormModel, prefill: TicketPrefill): FieldState[] {
  const byCode = new Map(model.attributes.map((a) => [a.code, a]));
  const presets = new Map(prefill.fields.map((f) => [f.attribute, f]));
  const rank = (code: string) => {
    const i = model.form.indexOf(code);
    return i < 0 ? model.form.length : i;
  };
  const mandatory = model.attributes.filter((a) => a.mandatory).sort((a, b) => rank(a.code) - rank(b.code)).map((a) => a.code);
  const ordered = [...new Set([...mandatory, ...model.form, ...presets.keys()])];
  const out: FieldState[] = [];
  for (const code of ordered) {
    const preset = presets.get(code);
    // A preset on an attribute the model does not describe is still shown and sent, as plain text.
    const kind = preset?.kind === 'log' ? 'caselog' : preset?.kind === 'key' ? 'integer' : 'string';
    const attr: FormAttribute = byCode.get(code) ?? { code, kind, label: { en: code }, mandatory: false, dependsOn: [] };
    if (!preset) {
      out.push({ attr, value: attr.default ?? '' });
      continue;
    }
    out.push({ attr, value: String(preset.value), origin: FROM_CALL.test(preset.source) ? 'call' : 'preset', source: preset.source });
  }
  return out;
}

/** The mandatory attributes still empty: checked before sending (iTop's answer remains the final word). */
export function missingFields(fields: readonly FieldState[]): string[] {
  return fields.filter((f) => f.attr.mandatory && f.value.trim() === '').map((f) => f.attr.code);
}

/** A new value for `code`; the attributes whose picker scope read it are emptied, as iTop's form does. */
export function setField(fields: readonly FieldState[], code: string, value: string): FieldState[] {
  const cleared = new Set<string>();
  const clearDependents = (changed: string) => {
    for (const f of fields) {
      if (f.attr.dependsOn.includes(changed) && !cleared.has(f.attr.code)) {
        cleared.add(f.attr.code);
        clearDependents(f.attr.code);
      }
    }
  };
  if (fields.find((f) => f.attr.code === code)?.value === value) return [...fields];
  clearDependents(code);
  // The edited value is the agent's own: its "from the call" hint goes.
  return fields.map((f) => {
    if (f.attr.code === code) return { attr: f.attr, value };
    if (cleared.has(f.attr.code) && f.attr.kind === 'extkey' && f.value !== '') return { attr: f.attr, value: '' };
    return f;
  });
}

/** What ticket:create receives: ids as numbers, empty optional fields left out, texts as typed. */
export function submittedFields(fields: readonly FieldState[]): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const f of fields) {
    const v = f.value.trim();
    if (v === '') continue;
    if (f.attr.kind === 'extkey') {
      if (/^\d{1,15}$/.test(v)) out[f.attr.code] = Number(v);
      continue;
    }
    if (f.attr.kind === 'integer' && /^-?\d{1,15}$/.test(v)) out[f.attr.code] = Number(v);
    else out[f.attr.code] = f.attr.kind === 'enum' || f.attr.kind === 'integer' ? v : f.value;
  }
  return out;
}

/** The form's values for a picker's scope (`:this->org_id`…); iTop's defaults stand in for attributes not shown. */
export function scopeValues(fields: readonly FieldState[], model: FormModel): Record<string, string | number> {
  const defaults = model.attributes.filter((a) => a.default !== undefined).map((a) => [a.code, a.default as string] as const);
  const shown = fields.filter((f) => f.value !== '').map((f) => [f.attr.code, f.attr.kind === 'extkey' && /^\d+$/.test(f.value) ? Number(f.value) : f.value] as const);
  const present = new Set(fields.map((f) => f.attr.code));
  return Object.fromEntries([...defaults.filter(([code]) => !present.has(code)), ...shown]);
}

/** The objects whose names the form shows: every external key with a value. */
export function referencedObjects(fields: readonly FieldState[]): ObjectRef[] {
  return fields.filter((f) => f.attr.kind === 'extkey' && f.attr.target && /^\d{1,12}$/.test(f.value) && f.value !== '0').map((f) => ({ class: f.attr.target as string, id: f.value }));
}

export const nameKey = (ref: ObjectRef): string => `${ref.class}:${ref.id}`;

/** The names of these objects in one request ("Class:id" → name; null: iTop has none; `#id` when iTop could not say). */
export async function readNames(bridge: CtiBridge, refs: readonly ObjectRef[]): Promise<Record<string, string | null>> {
  const r = await bridge.invoke('form:names', { refs: [...refs] });
  const found = new Map((r.ok ? r.value.names : []).map((n) => [nameKey(n), n.name]));
  return Object.fromEntries(refs.map((ref) => [nameKey(ref), r.ok ? (found.get(nameKey(ref)) ?? null) : `#${ref.id}`]));
}

/** The name a picker gave with the id it set, to keep beside the other names (none for other fields). */
export function pickedName(fields: readonly FieldState[], code: string, value: string, name: string | undefined): Record<string, string> {
  const target = fields.find((f) => f.attr.code === code)?.attr;
  return target?.kind === 'extkey' && target.target && value !== '' && name !== undefined ? { [nameKey({ class: target.target, id: value })]: name } : {};
}
