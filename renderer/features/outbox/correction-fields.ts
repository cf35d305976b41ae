import type { FormAttribute, FormModel } from '../../../shared/contract/forms';
import type { OutboxEntryView } from '../../../shared/contract/writes';
import type { FieldState } from '../create/form-state';

/** A refused entry as a form: the values it sends, edited with the inputs their iTop types call for. */
export interface Correction {
  readonly fields: FieldState[];
  /** Values pointing at an object another entry has yet to create: shown, never edited (the link would be lost). */
  readonly pending: readonly { readonly code: string; readonly value: string }[];
}

const CODE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ID = /^\d{1,15}$/;

/**
 * The attributes iTop named first, then every other text or number the entry sends, each described by the
 * class model when it knows the attribute (a select for an enumeration, a picker by name for an external key).
 * An external key holding something else than an id (an OQL query naming a ticket by its ref) stays a text.
 */
export function correctionFields(entry: OutboxEntryView, model: FormModel | null, labelOf: (code: string) => string): Correction {
  const pendingCodes = new Set(entry.pendingReferences ?? []);
  const named = (entry.issues ?? []).map((i) => i.attribute);
  const sent = Object.entries(entry.fields).filter(([code, v]) => !pendingCodes.has(code) && (typeof v === 'string' || typeof v === 'number')).map(([code]) => code);
  const codes = [...new Set([...named, ...sent])].filter((code) => CODE.test(code) && !pendingCodes.has(code));
  const fields = codes.map((code): FieldState => {
    const raw = entry.fields[code];
    const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
    const known = model?.attributes.find((a) => a.code === code);
    const usable = known && !(known.kind === 'extkey' && value !== '' && !ID.test(value));
    const attr: FormAttribute = usable ? known : { code, kind: typeof raw === 'number' ? 'integer' : 'string', label: { en: labelOf(code) }, mandatory: known?.mandatory ?? false, dependsOn: [] };
    return { attr, value };
  });
  const pending = [...pendingCodes].map((code) => ({ code, value: String(entry.fields[code] ?? '') }));
  return { fields, pending };
}

/** What outbox:edit receives: only the values the agent changed, ids and numbers as numbers. */
export function correctedValues(before: readonly FieldState[], after: readonly FieldState[], sent: OutboxEntryView['fields']): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const field of after) {
    const code = field.attr.code;
    if (before.find((f) => f.attr.code === code)?.value === field.value) continue;
    const v = field.value.trim();
    const numeric = (field.attr.kind === 'extkey' && ID.test(v)) || (typeof sent[code] === 'number' && /^-?\d{1,15}$/.test(v)) || (field.attr.kind === 'integer' && /^-?\d{1,15}$/.test(v));
    out[code] = numeric ? Number(v) : field.attr.kind === 'enum' ? v : field.value;
  }
  return out;
}
