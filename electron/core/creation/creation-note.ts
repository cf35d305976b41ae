import { confirmedContact, formatDuration, formatItopDate, type CallFacts } from '../journal';
import { caseLogItem } from '../itop';
import { isAddItem } from '../outbox/marking';

/**
 * "Created from a call from +33 1 23 45 67 89 (Ann) at 10:42, 3 min 05 s.": the agent-only private-log entry a
 * ticket created from a call gets, which also carries the outbox marker, so the description holds exactly what
 * the agent typed (the caller reads it in the portal and in notification e-mails).
 */
export function creationNote(call: CallFacts, timeZone: string): string {
  const who = confirmedContact(call);
  const number = call.number.e164 ?? (call.number.raw || 'a withheld number');
  const at = formatItopDate(call.startedAt, timeZone).slice(11, 16);
  const duration = call.durationMs !== undefined ? `, ${formatDuration(call.durationMs)}` : '';
  return `Created from a call ${call.direction === 'inbound' ? 'from' : 'to'} ${number}${who ? ` (${who.name})` : ''} at ${at}${duration}.`;
}

/** The private_log value to create the ticket with: the agent's own entry (if any), then the call's line. */
export function withCreationNote(privateLog: unknown, note: string): unknown {
  if (isAddItem(privateLog)) return { add_item: { ...privateLog.add_item, message: `${privateLog.add_item.message}\n\n${note}` } };
  if (typeof privateLog === 'string' && privateLog.trim() !== '') return caseLogItem(`${privateLog}\n\n${note}`);
  return caseLogItem(note);
}
