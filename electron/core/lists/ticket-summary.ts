import type { TicketSummary } from '../../../shared/contract/views';
import type { ItopObject } from '../lookup/itop-reader';

const text = (value: unknown): string => (value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** The first non-empty value among `codes`; the code it came from is added to `used`. */
const first = (fields: Readonly<Record<string, string>>, codes: readonly string[], used: Set<string>): string | undefined => {
  for (const code of codes) {
    const value = fields[code];
    if (value !== undefined && value !== '') {
      used.add(code);
      return value;
    }
  }
  return undefined;
};

/** Output fields a row shows under a name of its own: `fields` does not repeat them. */
const NAMED = {
  ref: ['ref', 'friendlyname'],
  title: ['title', 'name', 'note'],
  status: ['status', 'operational_status', 'flow'],
  priority: ['priority'],
  callerName: ['caller_id_friendlyname', 'caller_name', 'contact_id_friendlyname'],
  agentName: ['agent_id_friendlyname', 'agent_name'],
  startDate: ['start_date', 'date'],
  lastUpdate: ['last_update'],
} as const;

/**
 * One row of a ticket list. Status and priority stay iTop codes (`assigned`, `2`): the UI translates them.
 * Names prefer `*_id_friendlyname` (full name) over `*_name` (iTop's external field is the last name only).
 * `fields` keeps the other output fields only: repeating the named ones doubled every pushed snapshot.
 */
export function toTicketSummary(object: ItopObject): TicketSummary {
  const all: Record<string, string> = {};
  for (const [code, value] of Object.entries(object.fields)) all[code] = text(value);
  const used = new Set<string>();
  const callerName = first(all, NAMED.callerName, used);
  const agentName = first(all, NAMED.agentName, used);
  const priority = first(all, NAMED.priority, used);
  const startDate = first(all, NAMED.startDate, used);
  const lastUpdate = first(all, NAMED.lastUpdate, used);
  const ref = first(all, NAMED.ref, used) ?? `${object.class}::${object.id}`;
  const title = first(all, NAMED.title, used) ?? '';
  const status = first(all, NAMED.status, used) ?? '';
  const fields = Object.fromEntries(Object.entries(all).filter(([code]) => !used.has(code)));
  return {
    id: object.id,
    class: object.class,
    ref,
    title,
    status,
    ...(priority !== undefined ? { priority } : {}),
    ...(callerName !== undefined ? { callerName } : {}),
    ...(agentName !== undefined ? { agentName } : {}),
    ...(startDate !== undefined ? { startDate } : {}),
    ...(lastUpdate !== undefined ? { lastUpdate } : {}),
    fields,
  };
}
