import type { TicketSummary } from '../../../shared/contract/views';
import type { ItopObject } from '../lookup/itop-reader';

const text = (value: unknown): string => (value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));

const first = (fields: Readonly<Record<string, string>>, codes: readonly string[]): string | undefined => {
  for (const code of codes) {
    const value = fields[code];
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
};

/**
 * One row of a ticket list. Status and priority stay iTop codes (`assigned`, `2`): the UI translates them.
 * Names prefer `*_id_friendlyname` (full name) over `*_name` (iTop's external field is the last name only).
 */
export function toTicketSummary(object: ItopObject): TicketSummary {
  const fields: Record<string, string> = {};
  for (const [code, value] of Object.entries(object.fields)) fields[code] = text(value);
  const callerName = first(fields, ['caller_id_friendlyname', 'caller_name', 'contact_id_friendlyname']);
  const agentName = first(fields, ['agent_id_friendlyname', 'agent_name']);
  const priority = first(fields, ['priority']);
  const startDate = first(fields, ['start_date', 'date']);
  const lastUpdate = first(fields, ['last_update']);
  return {
    id: object.id,
    class: object.class,
    ref: first(fields, ['ref', 'friendlyname']) ?? `${object.class}::${object.id}`,
    title: first(fields, ['title', 'name', 'note']) ?? '',
    status: first(fields, ['status', 'operational_status', 'flow']) ?? '',
    ...(priority !== undefined ? { priority } : {}),
    ...(callerName !== undefined ? { callerName } : {}),
    ...(agentName !== undefined ? { agentName } : {}),
    ...(startDate !== undefined ? { startDate } : {}),
    ...(lastUpdate !== undefined ? { lastUpdate } : {}),
    fields,
  };
}
