import type { OqlContext, OqlDataSource, OqlRow, OqlSchema } from './ports';
import { toNumber } from './values';

/**
 * A small real model for the evaluator's tests: Organization; Contact (abstract) > Person;
 * Ticket (abstract) > UserRequest, Incident. Counts how often it is scanned, so tests can prove lookups.
 */
const PARENT: Readonly<Record<string, string | null>> = {
  Organization: null, Contact: null, Person: 'Contact', Ticket: null, UserRequest: 'Ticket', Incident: 'Ticket',
};
const CONTACT = ['finalclass', 'friendlyname', 'obsolescence_flag', 'name', 'status', 'org_id', 'org_id_friendlyname', 'org_name', 'email', 'phone'];
const TICKET = ['finalclass', 'friendlyname', 'ref', 'title', 'org_id', 'org_name', 'caller_id', 'caller_id_friendlyname', 'status', 'operational_status'];
const FILTERS: Readonly<Record<string, readonly string[]>> = {
  Organization: ['friendlyname', 'obsolescence_flag', 'name', 'code', 'status', 'id'],
  Contact: [...CONTACT, 'id'],
  Person: [...CONTACT, 'first_name', 'mobile_phone', 'manager_id', 'id'],
  Ticket: [...TICKET, 'id'],
  UserRequest: [...TICKET, 'request_type', 'id'],
  Incident: [...TICKET, 'id'],
};
const KEYS: Readonly<Record<string, string>> = { org_id: 'Organization', caller_id: 'Person', manager_id: 'Person' };

export const tinySchema: OqlSchema = {
  classExists: (name) => name in PARENT,
  isA: (cls, ancestor) => {
    for (let c: string | null | undefined = cls; c; c = PARENT[c]) if (c === ancestor) return true;
    return false;
  },
  filterCodes: (cls) => FILTERS[cls] ?? [],
  externalKeyTarget: (cls, code) => ((FILTERS[cls] ?? []).includes(code) ? KEYS[code] : undefined),
  classNames: () => Object.keys(PARENT),
};

export type Values = Readonly<Record<string, string | number | null>>;

export class MemoryRow implements OqlRow {
  constructor(
    readonly id: number,
    readonly finalClass: string,
    private readonly values: Values,
  ) {}
  get(code: string): string | number | null {
    if (code === 'finalclass') return this.finalClass;
    const value = this.values[code];
    if (value !== undefined) return value;
    return KEYS[code] ? 0 : null; // external keys are 0 when empty, never NULL
  }
}

export class MemoryData implements OqlDataSource {
  readonly rows: MemoryRow[] = [];
  /** Calls of rowsOf: full scans of a class. */
  scans = 0;
  /** Rows handed to the evaluator by any method: the work a query costs. */
  rowsVisited = 0;
  private readonly byId = new Map<number, MemoryRow>();
  // External key value → rows, kept current by add() like the simulator's store indexes.
  private readonly byKey = new Map<string, MemoryRow[]>();
  constructor(
    private readonly withLookup = true,
    private readonly withKeyIndex = false,
  ) {}

  add(finalClass: string, id: number, values: Values): MemoryRow {
    const row = new MemoryRow(id, finalClass, values);
    this.rows.push(row);
    this.byId.set(id, row); // ids are unique across classes in this fixture
    for (const code of Object.keys(KEYS)) {
      const value = row.get(code);
      if (value === null) continue;
      const name = `${code}=${toNumber(value)}`;
      const bucket = this.byKey.get(name);
      if (bucket === undefined) this.byKey.set(name, [row]);
      else bucket.push(row);
    }
    return row;
  }
  *rowsOf(cls: string): Iterable<OqlRow> {
    this.scans += 1;
    for (const row of this.rows) {
      if (!tinySchema.isA(row.finalClass, cls)) continue;
      this.rowsVisited += 1;
      yield row;
    }
  }
  get rowById(): OqlDataSource['rowById'] {
    if (!this.withLookup) return undefined;
    return (cls, id) => {
      const row = this.byId.get(id);
      if (!row || !tinySchema.isA(row.finalClass, cls)) return undefined;
      this.rowsVisited += 1;
      return row;
    };
  }
  get rowsByKey(): OqlDataSource['rowsByKey'] {
    if (!this.withKeyIndex) return undefined;
    return (cls, code, id) => this.keyed(cls, code, id);
  }
  private *keyed(cls: string, code: string, id: number): Iterable<OqlRow> {
    for (const row of this.byKey.get(`${code}=${id}`) ?? []) {
      if (!tinySchema.isA(row.finalClass, cls)) continue;
      this.rowsVisited += 1;
      yield row;
    }
  }
}

export const agentContext: OqlContext = {
  currentContactId: 40,
  currentUser: { id: 7, login: 'cti', contactid: 40 },
  currentContact: { id: 40, org_id: 1, email: 'agent@demo.com' },
};

/** Two organisations, five persons, tickets of both kinds. */
export function sampleData(withLookup = true): MemoryData {
  const d = new MemoryData(withLookup);
  d.add('Organization', 1, { name: 'Demo', code: 'DEMO', status: 'active', friendlyname: 'Demo' });
  d.add('Organization', 2, { name: 'Globex GmbH', code: 'GLX', status: 'active', friendlyname: 'Globex GmbH' });
  d.add('Person', 40, { name: 'Agent', first_name: 'Ada', org_id: 1, phone: '+33 1 00 00 00 40', email: 'agent@demo.com', status: 'active' });
  d.add('Person', 54, { name: 'Müller', first_name: 'Anna', org_id: 2, phone: '+49 (0)30 1234567', mobile_phone: '+49 151 23456789', status: 'active' });
  d.add('Person', 55, { name: "O'Brien", first_name: 'Liam', org_id: 2, phone: '', mobile_phone: '0612345682', status: 'inactive' });
  d.add('Person', 56, { name: 'Mueller', first_name: 'Tom', org_id: 1, phone: '100% sure_1', status: 'active', manager_id: 54 });
  d.add('Person', 57, { name: 'Nobody', first_name: 'No', org_id: 0, phone: null, status: 'active' });
  d.add('UserRequest', 101, { ref: 'R-000101', title: 'Printer', caller_id: 54, org_id: 2, status: 'new', operational_status: 'ongoing' });
  d.add('UserRequest', 102, { ref: 'R-000102', title: 'Mouse', caller_id: 54, org_id: 2, status: 'closed', operational_status: 'closed' });
  d.add('UserRequest', 103, { ref: 'R-000103', title: 'Badge', caller_id: 56, org_id: 1, status: 'assigned', operational_status: 'ongoing' });
  d.add('Incident', 201, { ref: 'I-000201', title: 'Disk full', caller_id: 54, org_id: 2, status: 'new', operational_status: 'ongoing' });
  d.add('Incident', 202, { ref: 'I-000202', title: 'Plotter', caller_id: 0, org_id: 1, status: 'resolved', operational_status: 'resolved' });
  return d;
}
