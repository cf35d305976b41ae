/**
 * `--persons N`: N generated persons (deterministic from --seed) in twelve organisations of FR, DE,
 * GB, US, CH and BE, with messy phone spellings, shared switchboard numbers, extensions, inactive
 * persons, and tickets of every class and status (plus phone calls) for some of them.
 */
import type { SimClock } from '../clock';
import type { StoredValue } from '../model/types';
import { assignRef, computeValues, defaultValues } from '../rest/write';
import type { Store } from '../store/store';
import { COUNTRIES, formatNsn, makeNsn, withExtension } from './phone-formats';
import { createRandom, pick } from './random';
import { GENERATED_ORGS, NAMES, TICKET_TITLES } from './generate-data';

const TICKET_CLASSES = ['UserRequest', 'UserRequest', 'UserRequest', 'Incident', 'Incident', 'Problem', 'RoutineChange', 'NormalChange', 'EmergencyChange'];
const AGENT_PERSON_ID = 40;
const HELPDESK_TEAM_ID = 37;

export function seedGenerated(store: Store, clock: SimClock, opts: { persons: number; seed: number }): void {
  const random = createRandom(opts.seed);
  const { schema } = store;
  const insert = (cls: string, fields: Record<string, StoredValue>): number => {
    const values = { ...defaultValues(store, cls), ...fields };
    computeValues({ schema, clock }, cls, values, true);
    assignRef({ schema, store }, cls, values);
    return store.insert(cls, values).id;
  };

  const orgs = GENERATED_ORGS.map(([name, country, domain, city]) => {
    const id = insert('Organization', { name, code: name.replace(/[^A-Za-z]/g, '').slice(0, 8).toUpperCase(), status: 'active' });
    const location = insert('Location', { name: `${city} office`, org_id: id, city, country });
    const c = COUNTRIES[country];
    const area = c.areas[0] ?? '';
    const switchboard = formatNsn(c, makeNsn(c, area, id * 1000), area, random);
    return { id, country, domain, location, switchboard };
  });

  for (let i = 0; i < opts.persons; i++) {
    const org = pick(random, orgs);
    const c = COUNTRIES[org.country];
    const names = NAMES[org.country];
    const first_name = pick(random, names.first);
    const name = pick(random, names.last);
    const serial = 100_000 + i * 37;
    const area = pick(random, c.areas);
    const ownPhone = formatNsn(c, makeNsn(c, area, serial), area, random);
    const roll = random();
    const phone = roll < 0.15 ? org.switchboard : roll < 0.25 ? withExtension(c, ownPhone, 10 + Math.floor(random() * 900)) : roll < 0.9 ? ownPhone : '';
    const mobilePrefix = pick(random, c.mobiles);
    const mobile_phone = random() < 0.5 ? formatNsn(c, makeNsn(c, mobilePrefix, serial + 11), mobilePrefix, random) : '';
    const email = `${ascii(first_name)}.${ascii(name)}.${i}@${org.domain}`;
    const status = random() < 0.04 ? 'inactive' : 'active';
    const personId = insert('Person', { first_name, name, org_id: org.id, email, phone, mobile_phone, status, location_id: org.location, employee_number: `E${String(i).padStart(6, '0')}` });
    if (random() < 0.08) generateTickets(store, insert, random, personId, org.id, `${first_name} ${name}`);
  }
}

type Insert = (cls: string, fields: Record<string, StoredValue>) => number;

function generateTickets(store: Store, insert: Insert, random: () => number, caller: number, org: number, who: string): void {
  const count = 1 + Math.floor(random() * 3);
  for (let k = 0; k < count; k++) {
    const cls = pick(random, TICKET_CLASSES);
    const statuses = store.schema.attr(cls, 'status')?.values ?? ['new'];
    const status = pick(random, statuses);
    const title = pick(random, TICKET_TITLES);
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const time = [8 + Math.floor(random() * 10), Math.floor(random() * 60), Math.floor(random() * 60)].map((n) => String(n).padStart(2, '0')).join(':');
    const start = `2026-11-${day} ${time}`;
    const handled = status !== 'new';
    const fields: Record<string, StoredValue> = {
      org_id: org, caller_id: caller, status, title, description: `<p>${title} (generated ticket for ${who})</p>`, start_date: start, last_update: start,
      ...(handled ? { team_id: HELPDESK_TEAM_ID, agent_id: AGENT_PERSON_ID } : {}),
    };
    if (cls === 'UserRequest' || cls === 'Incident') {
      Object.assign(fields, { origin: pick(random, ['phone', 'phone', 'mail', 'portal']), impact: pick(random, ['1', '2', '3']), urgency: pick(random, ['1', '2', '3', '4']) });
      if (handled) fields.assignment_date = start;
    }
    const ticketId = insert(cls, fields);
    if (store.schema.classExists('PhoneCall') && fields.origin === 'phone') {
      insert('PhoneCall', { ticket_id: ticketId, contact_id: caller, agent_id: AGENT_PERSON_ID, date: start, flow: random() < 0.8 ? 'inbound' : 'outbound', note: `Call about: ${title}` });
    }
  }
}

function ascii(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').replace(/[^A-Za-z]/g, '').toLowerCase();
}

