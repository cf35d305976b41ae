import type { JournalConfig } from '../../../shared/config';
import { caseLogItem } from '../itop';
import type { EntryRef, WriteFields } from '../outbox';
import { confirmedContact, type CallFacts } from './call-facts';
import { formatDuration, formatItopDate } from './itop-date';

/** A ticket id, the ticket another outbox entry creates, or an OQL query iTop resolves when the entry is sent. */
export type TicketKey = number | EntryRef | string;

/**
 * The agent as an OQL external key: iTop resolves `:current_contact_id` to the logged-in user's Person when the
 * PhoneCall is sent (itop-rest.md §3.9.1, §5.1), so the agent's identity never has to be known before queueing.
 */
export const AGENT_PERSON_OQL = 'SELECT Person WHERE id = :current_contact_id';

/** "Inbound call from +33 1 23 45 67 89 (Pablo Picasso), 3 min 05 s." then the agent's wrap-up note. */
export function buildCallNote(call: CallFacts, wrapUp: string): string {
  const who = confirmedContact(call);
  const direction = call.direction === 'inbound' ? 'Inbound call from' : 'Outbound call to';
  const number = call.number.e164 ?? (call.number.raw || 'a withheld number');
  const duration = call.durationMs !== undefined ? `, ${formatDuration(call.durationMs)}` : '';
  const head = `${direction} ${number}${who ? ` (${who.name})` : ''}${duration}.`;
  const note = wrapUp.trim();
  return note ? `${head}\n${note}` : head;
}

/** The PhoneCall's fields under the configured attribute codes (journal.fields). */
export function buildPhoneCallFields(
  journal: JournalConfig,
  input: { call: CallFacts; agent: number | string; ticket: TicketKey; wrapUp: string; timeZone: string },
): WriteFields {
  const f = journal.fields;
  const contact = confirmedContact(input.call);
  return {
    [f.ticket]: input.ticket,
    [f.agent]: input.agent,
    ...(contact ? { [f.contact]: Number(contact.personId) } : {}),
    [f.date]: formatItopDate(input.call.startedAt, input.timeZone),
    [f.flow]: input.call.direction,
    [f.note]: buildCallNote(input.call, input.wrapUp),
  };
}

/** The stock-iTop stand-in for a PhoneCall: one private-log entry with the same facts and the date. */
export function privateLogCallEntry(input: { call: CallFacts; wrapUp: string; timeZone: string }): ReturnType<typeof caseLogItem> {
  return caseLogItem(`[Phone call ${formatItopDate(input.call.startedAt, input.timeZone)}] ${buildCallNote(input.call, input.wrapUp)}`);
}
