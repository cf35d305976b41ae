import { describe, expect, it } from 'vitest';
import type { FormModel } from '../../../shared/contract/forms';
import type { TicketPrefill } from '../../../shared/contract/writes';
import { createItopModel, filterDependencies } from '../../../shared/itop-model';
import { buildFields, missingFields, referencedObjects, scopeValues, setField, submittedFields } from './form-state';

// The form model as form:model sends it, from the built-in description.
function formModel(cls: string): FormModel {
  const c = createItopModel().resolve(cls);
  if (!c) throw new Error(cls);
  return { class: cls, label: c.label, attributes: c.attributes.map((a) => ({ ...a, dependsOn: filterDependencies(a.filter) })), form: [...c.form] };
}

const prefill: TicketPrefill = {
  class: 'UserRequest',
  fields: [
    { attribute: 'org_id', kind: 'key', value: 4, source: 'SELECT Organization AS o JOIN Person AS p ON p.org_id = o.id WHERE p.id = :selected_caller' },
    { attribute: 'caller_id', kind: 'key', value: 42, source: ':selected_caller' },
    { attribute: 'origin', kind: 'value', value: 'phone', source: 'phone' },
    { attribute: 'public_log', kind: 'log', value: 'Call from customer dated 2026-12-06', source: 'Call from customer dated $datetime$' },
  ],
  problems: [],
  itopUrl: 'http://itop/pages/UI.php',
};

describe('the quick-create form state', () => {
  it('puts the mandatory attributes first, then what the class offers, then the other presets; says where presets come from', () => {
    const fields = buildFields(formModel('UserRequest'), prefill);
    expect(fields.map((f) => f.attr.code)).toEqual(['org_id', 'title', 'description', 'impact', 'urgency', 'caller_id', 'origin', 'service_id', 'servicesubcategory_id', 'public_log']);
    expect(fields.filter((f) => f.origin).map((f) => [f.attr.code, f.origin])).toEqual([['org_id', 'call'], ['caller_id', 'call'], ['origin', 'preset'], ['public_log', 'preset']]);
    // iTop's defaults for what is not preset: impact "A department", urgency "Low".
    expect(fields.find((f) => f.attr.code === 'impact')?.value).toBe('1');
    expect(fields.find((f) => f.attr.code === 'urgency')?.value).toBe('4');
    expect(referencedObjects(fields)).toEqual([{ class: 'Organization', id: '4' }, { class: 'Person', id: '42' }]);
  });

  it('a Person form asks for names and an organization, with the number from the call', () => {
    const fields = buildFields(formModel('Person'), { ...prefill, class: 'Person', fields: [{ attribute: 'phone', kind: 'value', value: '+33970112233', source: ':phone' }] });
    expect(fields.map((f) => f.attr.code)).toEqual(['first_name', 'name', 'org_id', 'status', 'email', 'phone', 'mobile_phone', 'location_id']);
    expect(fields.find((f) => f.attr.code === 'phone')).toMatchObject({ value: '+33970112233', origin: 'call' });
    expect(missingFields(fields)).toEqual(['first_name', 'name', 'org_id']);
  });

  it('another organization empties the caller and the service, and the service\'s subcategory with it', () => {
    let fields = buildFields(formModel('UserRequest'), prefill);
    fields = setField(fields, 'service_id', '2');
    fields = setField(fields, 'servicesubcategory_id', '3');
    const moved = setField(fields, 'org_id', '5');
    expect(Object.fromEntries(moved.filter((f) => f.attr.kind === 'extkey').map((f) => [f.attr.code, f.value]))).toEqual({ org_id: '5', caller_id: '', service_id: '', servicesubcategory_id: '' });
    // The same organization again changes nothing.
    expect(setField(fields, 'org_id', '4')).toEqual(fields);
  });

  it('shows a preset on an attribute the model does not describe, and sends an id preset as a number', () => {
    const fields = buildFields(formModel('UserRequest'), { ...prefill, fields: [...prefill.fields, { attribute: 'contract_id', kind: 'key', value: 7, source: 'SELECT CustomerContract WHERE org_id = 4' }, { attribute: 'x_note', kind: 'value', value: 'VIP', source: 'VIP' }] });
    expect(fields.slice(-2).map((f) => [f.attr.code, f.attr.kind, f.value])).toEqual([['contract_id', 'integer', '7'], ['x_note', 'string', 'VIP']]);
    expect(submittedFields(fields)).toMatchObject({ contract_id: 7, x_note: 'VIP' });
  });

  it('checks the mandatory fields, sends ids as numbers and leaves empty optional fields out', () => {
    let fields = buildFields(formModel('UserRequest'), prefill);
    expect(missingFields(fields)).toEqual(['title', 'description']);
    fields = setField(setField(fields, 'title', 'Printer down '), 'description', 'Since this morning');
    expect(missingFields(fields)).toEqual([]);
    expect(submittedFields(fields)).toEqual({
      org_id: 4, title: 'Printer down ', description: 'Since this morning', impact: '1', urgency: '4', caller_id: 42, origin: 'phone',
      public_log: 'Call from customer dated 2026-12-06',
    });
    // request_type is not on the form: iTop's default scopes the subcategories.
    expect(scopeValues(fields, formModel('UserRequest'))).toEqual({
      request_type: 'service_request', org_id: 4, title: 'Printer down ', description: 'Since this morning', impact: '1', urgency: '4', caller_id: 42, origin: 'phone',
      public_log: 'Call from customer dated 2026-12-06',
    });
  });
});
