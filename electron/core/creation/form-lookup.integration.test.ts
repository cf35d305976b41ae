import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_USERS } from '../../../e2e/itop-sim/credentials';
import { startSimulator, type RunningSimulator } from '../../../e2e/itop-sim/spawn';
import { createItopModel, filterDependencies } from '../../../shared/itop-model';
import { createItopClient, type ItopClient } from '../itop';
import { createFormLookup, type FormLookup } from './form-lookup';

// The pickers and names against the simulator over real HTTP: the recorded people (Camille Martin = 42 and
// Lucas Bernard = 43 at Acme France = 4) and the customer contracts (Acme: services 1 and 2; Globex: 3).
let sim: RunningSimulator;
let client: ItopClient;
let lookup: FormLookup;
const requests: string[] = [];

beforeAll(async () => {
  sim = await startSimulator({});
  client = createItopClient({
    url: sim.url,
    auth: { kind: 'password', user: SIM_USERS.cti.login, password: SIM_USERS.cti.password },
    onRequest: (info) => requests.push(info.operation),
  });
  lookup = createFormLookup({ client, model: () => createItopModel(), limit: 5 });
});
afterAll(async () => sim.stop());

const names = (r: Awaited<ReturnType<FormLookup['search']>>) => (r.ok ? r.value.options.map((o) => o.name) : [r.error.message]);

describe('form lookups', () => {
  it('reads the scope of a filter from its :this-> references, never the new object\'s own id', () => {
    expect(filterDependencies("SELECT UserRequest WHERE id != :this->id AND org_id = :this->org_id AND x = :this->org_id")).toEqual(['org_id']);
    expect(filterDependencies(undefined)).toEqual([]);
  });

  it('names the objects of a form with one query per class, all at once', async () => {
    requests.length = 0;
    const r = await lookup.names([{ class: 'Person', id: '42' }, { class: 'Organization', id: '4' }, { class: 'Person', id: '43' }]);
    expect(r.ok && [...r.value].sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { class: 'Person', id: '42', name: 'Camille Martin' },
      { class: 'Person', id: '43', name: 'Lucas Bernard' },
      { class: 'Organization', id: '4', name: 'Acme France SAS' },
    ].sort((a, b) => a.id.localeCompare(b.id)));
    expect(requests).toEqual(['core/get', 'core/get']);
  });

  it('finds callers by any part of their name, among the organization\'s persons only', async () => {
    expect(names(await lookup.search({ class: 'UserRequest', attribute: 'caller_id', text: 'bern', values: { org_id: 4 } }))).toEqual(['Lucas Bernard']);
    // Globex's persons are not Acme's.
    expect(names(await lookup.search({ class: 'UserRequest', attribute: 'caller_id', text: 'bern', values: { org_id: 5 } }))).toEqual([]);
    const page = await lookup.search({ class: 'UserRequest', attribute: 'caller_id', text: '', values: { org_id: 4 } });
    expect(page.ok && page.value.options.length).toBe(5);
    expect(page.ok && page.value.total).toBeGreaterThan(5);
  });

  it('asks for the organization before offering callers, as iTop\'s form does', async () => {
    const r = await lookup.search({ class: 'UserRequest', attribute: 'caller_id', text: 'mar', values: { org_id: '' } });
    expect(r.ok && r.value).toEqual({ options: [], total: 0, missing: ['org_id'] });
  });

  it('offers the services of the organization\'s customer contracts, and their subcategories of the request type', async () => {
    expect(names(await lookup.search({ class: 'UserRequest', attribute: 'service_id', text: '', values: { org_id: 4 } })).sort()).toEqual(['Computers and peripherals', 'Telecom and connectivity']);
    expect(names(await lookup.search({ class: 'Incident', attribute: 'service_id', text: '', values: { org_id: 5 } }))).toEqual(['Office furniture']);
    expect(names(await lookup.search({ class: 'UserRequest', attribute: 'servicesubcategory_id', text: '', values: { org_id: 4, service_id: 2, request_type: 'service_request' } }))).toEqual(['New mobile line']);
    expect(names(await lookup.search({ class: 'Incident', attribute: 'servicesubcategory_id', text: '', values: { service_id: 2 } }))).toEqual(['Phone line issue']);
  });

  it('searches unscoped keys by name, and a quote in the text is only text', async () => {
    expect(names(await lookup.search({ class: 'Person', attribute: 'org_id', text: 'glob', values: {} }))).toEqual(['Globex GmbH']);
    expect(names(await lookup.search({ class: 'Person', attribute: 'org_id', text: "x' OR '1'='1", values: {} }))).toEqual([]);
    // Without an attribute: objects of the class itself.
    expect(names(await lookup.search({ class: 'Person', text: 'camille mar', values: {} }))).toEqual(['Camille Martin']);
  });

  it('refuses what is not an external key of the model, and describes an unknown class as a ticket', async () => {
    const r = await lookup.search({ class: 'UserRequest', attribute: 'title', text: 'x', values: {} });
    expect(r.ok ? 'ok' : r.error.code).toBe('form-not-a-key');
    // An undescribed class is taken for a ticket (what the extension creates), under its own name.
    const problem = lookup.model('Problem');
    expect(problem.ok && [problem.value.label, problem.value.attributes.filter((a) => a.mandatory).map((a) => a.code)]).toEqual([{ en: 'Problem' }, ['org_id', 'title', 'description']]);
  });
});
