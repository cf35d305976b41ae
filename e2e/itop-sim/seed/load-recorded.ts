/**
 * Fills a store with the recorded instance. `fresh` is the state of recordings 01-06c (sample data
 * and the two CTI persons, no tickets yet); `recorded` adds what recordings 11-20 saw: three more
 * organisations, 33 persons, 37 tickets (the first from recording 05) and 29 phone calls.
 */
import { PROFILE, type Account } from '../accounts';
import type { SimClock } from '../clock';
import { SIM_TOKENS, SIM_USERS } from '../credentials';
import type { StoredValue } from '../model/types';
import type { Store } from '../store/store';
import { computeValues, defaultValues } from '../rest/write';
import { FRESH_ORG_MAX_ID, FRESH_PERSON_MAX_ID, RECORDED_ORGS, RECORDED_PERSONS, RECORDED_TEAMS } from './recorded-people';
import { FIRST_REQUEST, RECORDED_CALLS, RECORDED_DAY, RECORDED_TICKETS } from './recorded-tickets';
import { DEMO_LOCATIONS, DEMO_TRAP_PERSONS, DEMO_TRAP_TICKETS } from './demo-traps';

/** 'fresh': recordings 01-06c; 'recorded': the full recorded instance; 'demo': recorded + demo-traps.ts. */
export type Dataset = 'fresh' | 'recorded' | 'demo';

export const CTI_AGENT_PERSON_ID = 40;
const HELPDESK_TEAM_ID = 37;

export function seedRecorded(store: Store, clock: SimClock, dataset: Dataset): Account[] {
  const full = dataset !== 'fresh';
  const put = (cls: string, id: number, fields: Record<string, StoredValue>): void => {
    const values = { ...defaultValues(store, cls), ...fields };
    computeValues({ schema: store.schema, clock }, cls, values, true);
    store.insert(cls, values, id);
  };
  for (const [id, name, code] of RECORDED_ORGS) if (full || id <= FRESH_ORG_MAX_ID) put('Organization', id, { name, code });
  for (const [id, first_name, name, org_id, email, phone, mobile_phone, status] of RECORDED_PERSONS) {
    if (full || id <= FRESH_PERSON_MAX_ID) put('Person', id, { first_name, name, org_id, email, phone, mobile_phone, status: status ?? 'active' });
  }
  for (const [id, name, org_id, email] of RECORDED_TEAMS) put('Team', id, { name, org_id, email });
  seedServiceCatalogue(put);

  if (full) {
    put('UserRequest', FIRST_REQUEST.id, {
      ref: 'R-000001', org_id: FIRST_REQUEST.org, caller_id: FIRST_REQUEST.caller, origin: FIRST_REQUEST.origin, title: FIRST_REQUEST.title,
      description: FIRST_REQUEST.description, start_date: FIRST_REQUEST.startDate, last_update: FIRST_REQUEST.startDate,
    });
    for (const row of RECORDED_TICKETS) put(row[1], row[0], ticketFields(store, row));
    store.noteRef('Ticket', 37);
    if (dataset === 'demo') {
      for (const [id, name, org_id, city, country] of DEMO_LOCATIONS) put('Location', id, { name, org_id, city, country });
      for (const [id, first_name, name, org_id, email, phone, mobile_phone, location_id, status] of DEMO_TRAP_PERSONS) {
        put('Person', id, { first_name, name, org_id, email, phone, mobile_phone, status, ...(location_id ? { location_id } : {}) });
      }
      for (const row of DEMO_TRAP_TICKETS) put(row[1], row[0], ticketFields(store, row));
      store.noteRef('Ticket', Math.max(...DEMO_TRAP_TICKETS.map((t) => t[0])));
    }
    for (const [id, ticket_id, contact_id, date, note] of RECORDED_CALLS) {
      if (store.schema.classExists('PhoneCall')) put('PhoneCall', id, { ticket_id, contact_id, agent_id: CTI_AGENT_PERSON_ID, date, flow: 'inbound', note });
    }
  }
  return seedUsers(put);
}

function ticketFields(store: Store, row: (typeof RECORDED_TICKETS)[number]): Record<string, StoredValue> {
  const [id, cls, caller, status, origin, time, title, impact = '1', urgency = '4'] = row;
  const person = store.get('Person', caller);
  const start = `${RECORDED_DAY} ${time}`;
  const who = person ? `${String(person.values.first_name)} ${String(person.values.name)}` : '';
  const phone = person ? String(person.values.phone || person.values.mobile_phone) : '';
  const handled = status !== 'new';
  return {
    ref: `${cls === 'Incident' ? 'I' : 'R'}-${String(id).padStart(6, '0')}`,
    org_id: person ? (person.values.org_id as number) : 2,
    caller_id: caller, status, origin, title, impact, urgency,
    description: `<p>${title} (sample ticket created through REST for CTI tests; caller ${who}, ${phone})</p>`,
    start_date: start, last_update: start,
    ...(handled ? { team_id: HELPDESK_TEAM_ID, agent_id: CTI_AGENT_PERSON_ID, assignment_date: start } : {}),
    ...(status === 'pending' ? { pending_reason: 'Waiting for the caller to call back', last_pending_date: start } : {}),
    ...(status === 'resolved' || status === 'closed' ? { resolution_date: start, solution: '<p>Solved during the call.</p>' } : {}),
    ...(status === 'closed' ? { close_date: start } : {}),
  };
}

type Put = (cls: string, id: number, fields: Record<string, StoredValue>) => void;

/**
 * Services provided by the IT department and the customer contracts that offer them: Acme France (4) has
 * two of the three, Globex (5) the third, so a ticket form's service list visibly depends on the organization;
 * and a few sites of those organizations.
 */
function seedServiceCatalogue(put: Put): void {
  put('Service', 1, { name: 'Computers and peripherals', org_id: 2, status: 'production' });
  put('Service', 2, { name: 'Telecom and connectivity', org_id: 2, status: 'production' });
  put('Service', 3, { name: 'Office furniture', org_id: 2, status: 'production' });
  put('ServiceSubcategory', 1, { name: 'New laptop', service_id: 1, request_type: 'service_request', status: 'production' });
  put('ServiceSubcategory', 2, { name: 'Phone line issue', service_id: 2, request_type: 'incident', status: 'production' });
  put('ServiceSubcategory', 3, { name: 'New mobile line', service_id: 2, request_type: 'service_request', status: 'production' });
  put('ServiceSubcategory', 4, { name: 'Broken chair', service_id: 3, request_type: 'incident', status: 'production' });
  put('CustomerContract', 1, { name: 'Acme France support', org_id: 4, provider_id: 2, status: 'production' });
  put('CustomerContract', 2, { name: 'Globex facilities', org_id: 5, provider_id: 2, status: 'production' });
  put('lnkCustomerContractToService', 1, { customercontract_id: 1, service_id: 1 });
  put('lnkCustomerContractToService', 2, { customercontract_id: 1, service_id: 2 });
  put('lnkCustomerContractToService', 3, { customercontract_id: 2, service_id: 3 });
  // Sites for the Person form's location picker (the recorded instance had none).
  put('Location', 1, { name: 'Acme Paris HQ', org_id: 4, city: 'Paris', country: 'France' });
  put('Location', 2, { name: 'Acme Lyon', org_id: 4, city: 'Lyon', country: 'France' });
  put('Location', 3, { name: 'Globex Berlin', org_id: 5, city: 'Berlin', country: 'Germany' });
}

function seedUsers(put: Put): Account[] {
  const profileRows = (profiles: readonly string[]) => profiles.map((profile) => ({ profile }));
  const users: [number, string, number, readonly string[], string | undefined][] = [
    [1, SIM_USERS.admin.login, 1, [PROFILE.admin], SIM_USERS.admin.password],
    [2, SIM_USERS.cti.login, CTI_AGENT_PERSON_ID, [PROFILE.agent, PROFILE.rest], SIM_USERS.cti.password],
    [3, SIM_USERS.ctiadmin.login, 41, [PROFILE.admin, PROFILE.rest], SIM_USERS.ctiadmin.password],
    [4, SIM_USERS.norest.login, 0, [PROFILE.agent], SIM_USERS.norest.password],
    [5, 'cti-app', 0, [PROFILE.agent, PROFILE.rest], undefined],
    [6, SIM_USERS.portal.login, 2, [PROFILE.portal, PROFILE.rest], SIM_USERS.portal.password],
  ];
  return users.map(([userId, login, contactid, profiles, password]) => {
    put(password === undefined ? 'UserToken' : 'UserLocal', userId, { login, contactid, profile_list: profileRows(profiles) });
    const personalTokens = login === SIM_USERS.cti.login
      ? [
          { token: SIM_TOKENS.ctiPersonal, scopes: ['REST/JSON'] },
          { token: SIM_TOKENS.ctiExpired, scopes: ['REST/JSON'], expiresAt: '2020-01-01 00:00:00' },
          { token: SIM_TOKENS.ctiWrongScope, scopes: ['Synchro'] },
        ]
      : [];
    return {
      userId, login, profiles, enabled: true, personalTokens,
      ...(password === undefined ? { appToken: SIM_TOKENS.ctiApp } : { password }),
    };
  });
}
