import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formFields, formRows } from './create-form-model';

const prefill = {
  class: 'UserRequest',
  fields: [
    { attribute: 'org_id', kind: 'key' as const, value: 4, source: 'SELECT Organization …' },
    { attribute: 'origin', kind: 'value' as const, value: 'phone', source: 'phone' },
    { attribute: 'public_log', kind: 'log' as const, value: 'Call from customer', source: '$datetime$' },
  ],
  problems: [],
  itopUrl: 'http://itop/pages/UI.php',
};

describe('quick-create form model', () => {
  it('puts title and description first, then every preset, ids kept numeric', () => {
    const rows = formRows(prefill);
    expect(rows.map((r) => r.attribute)).toEqual(['title', 'description', 'org_id', 'origin', 'public_log']);
    expect(rows.find((r) => r.attribute === 'org_id')).toMatchObject({ value: '4', numeric: true, kind: 'key' });
  });

  it('a Person form asks for names instead of a title', () => {
    expect(formRows({ ...prefill, class: 'Person', fields: [{ attribute: 'phone', kind: 'value', value: '+33970112233', source: ':phone' }] }).map((r) => r.attribute)).toEqual([
      'first_name', 'name', 'email', 'phone',
    ]);
  });

  it('sends ids as numbers, drops empty typed fields, keeps the edited values', () => {
    const rows = formRows(prefill).map((r) => (r.attribute === 'title' ? { ...r, value: 'Printer down' } : r));
    expect(formFields(rows)).toEqual({ title: 'Printer down', org_id: 4, origin: 'phone', public_log: 'Call from customer' });
  });

  it('an id the agent typed wrong is sent as text, for iTop to refuse with a reason (never a crash)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (typed) => {
        const rows = formRows(prefill).map((r) => (r.attribute === 'org_id' ? { ...r, value: typed } : r));
        const out = formFields(rows);
        const v = out['org_id'];
        if (typed.trim() === '') expect(v).toBeUndefined();
        else if (/^\d{1,15}$/.test(typed.trim())) expect(v).toBe(Number(typed.trim()));
        else expect(v).toBe(typed.trim());
      }),
    );
  });
});
