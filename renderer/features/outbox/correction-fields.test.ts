import { describe, expect, it } from 'vitest';
import type { FormModel } from '../../../shared/contract/forms';
import type { OutboxEntryView } from '../../../shared/contract/writes';
import { setField } from '../create/form-state';
import { correctedValues, correctionFields } from './correction-fields';

const model: FormModel = {
  class: 'PhoneCall',
  label: { en: 'Phone call' },
  form: [],
  attributes: [
    { code: 'org_id', kind: 'extkey', target: 'Organization', label: { en: 'Organization' }, mandatory: true, dependsOn: [] },
    { code: 'ticket_id', kind: 'extkey', target: 'Ticket', label: { en: 'Ticket' }, mandatory: false, dependsOn: [] },
    { code: 'origin', kind: 'enum', values: [{ code: 'phone', label: { en: 'Phone' } }], label: { en: 'Origin' }, mandatory: false, dependsOn: [] },
  ],
};
const entry: OutboxEntryView = {
  id: 'entry-0001',
  label: 'Phone call',
  state: 'failed',
  operation: 'create',
  class: 'PhoneCall',
  fields: { title: 'Call', org_id: 4, ticket_id: "SELECT Ticket WHERE ref = 'R-000008'", caller_id: '(created by "New Person")', private_log: { add_item: { message: 'x' } }, origin: 'fax' },
  pendingReferences: ['caller_id'],
  attempts: 1,
  createdAt: 0,
  issues: [{ attribute: 'origin', label: 'Origin', reason: 'Value not allowed [fax]' }],
};

describe('outbox correction form', () => {
  it('puts what iTop named first, describes known attributes, keeps a ticket named by its ref as text, never offers a pending reference', () => {
    const { fields, pending } = correctionFields(entry, model, (code) => `label of ${code}`);
    expect(fields.map((f) => [f.attr.code, f.attr.kind, f.value])).toEqual([
      ['origin', 'enum', 'fax'],
      ['title', 'string', 'Call'],
      ['org_id', 'extkey', '4'],
      ['ticket_id', 'string', "SELECT Ticket WHERE ref = 'R-000008'"],
    ]);
    expect(fields.find((f) => f.attr.code === 'title')?.attr.label).toEqual({ en: 'label of title' });
    expect(pending).toEqual([{ code: 'caller_id', value: '(created by "New Person")' }]);
  });

  it('sends back only what the agent changed, ids as numbers', () => {
    const { fields } = correctionFields(entry, model, (code) => code);
    const after = setField(setField(fields, 'origin', 'phone'), 'org_id', '7');
    expect(correctedValues(fields, after, entry.fields)).toEqual({ origin: 'phone', org_id: 7 });
    expect(correctedValues(fields, fields, entry.fields)).toEqual({});
  });

  it('without a model of the class, edits the values as they are', () => {
    const { fields } = correctionFields(entry, null, (code) => code);
    expect(fields.find((f) => f.attr.code === 'org_id')?.attr.kind).toBe('integer');
    expect(correctedValues(fields, setField(fields, 'org_id', '9'), entry.fields)).toEqual({ org_id: 9 });
  });
});
