import type { PresetField, TicketPrefill } from '../../../shared/contract/writes';

/** The free-text fields the agent types for each class, before the presets (which the core resolved). */
const TYPED_FIELDS: Record<string, readonly string[]> = {
  Person: ['first_name', 'name', 'email'],
};
const TICKET_FIELDS = ['title', 'description'] as const;

export interface FormRow {
  attribute: string;
  kind: PresetField['kind'] | 'typed';
  value: string;
  /** Ids (external keys) are sent as numbers, as iTop's REST API expects them. */
  numeric: boolean;
  source?: string;
}

/** The rows of the quick-create form: typed fields first, then every preset, visible and editable. */
export function formRows(prefill: TicketPrefill): FormRow[] {
  const presets = new Set(prefill.fields.map((f) => f.attribute));
  const typed = (TYPED_FIELDS[prefill.class] ?? TICKET_FIELDS).filter((a) => !presets.has(a));
  return [
    ...typed.map((attribute): FormRow => ({ attribute, kind: 'typed', value: '', numeric: false })),
    ...prefill.fields.map((f): FormRow => ({ attribute: f.attribute, kind: f.kind, value: String(f.value), numeric: typeof f.value === 'number', source: f.source })),
  ];
}

/** What ticket:create receives: empty typed fields are left out so iTop names what is missing. */
export function formFields(rows: readonly FormRow[]): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const r of rows) {
    const v = r.value.trim();
    if (v === '' && r.kind !== 'log') continue;
    out[r.attribute] = r.numeric && /^\d{1,15}$/.test(v) ? Number(v) : r.kind === 'typed' || r.kind === 'log' ? r.value : v;
  }
  return out;
}
