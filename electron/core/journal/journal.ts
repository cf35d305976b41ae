import type { JournalConfig } from '../../../shared/config';
import { fail, ok, type Result } from '../../../shared/result';
import { caseLogItem } from '../itop';
import type { Outbox, WriteOpInput } from '../outbox';
import type { CallFacts } from './call-facts';
import { AGENT_PERSON_OQL, buildCallNote, buildPhoneCallFields, privateLogCallEntry, type TicketKey } from './phone-call-fields';

export interface JournalDeps {
  outbox: Outbox;
  journal: JournalConfig;
  /** iTop's server time zone (config.itop.serverTimeZone). */
  timeZone: string;
}

export interface LogCallRequest {
  call: CallFacts;
  /** An id, the ticket another entry creates, or an OQL query naming it (a ref iTop could not be asked about). */
  ticket: { class: string; key: TicketKey; ref?: string };
  wrapUp: string;
  /** Also append the wrap-up note to the ticket's log; default config.journal.alsoLogOnTicket. */
  alsoLog?: 'none' | 'public_log' | 'private_log';
}

export interface LoggedCall {
  entryId: string;
  journal: 'phonecall' | 'private-log';
  alsoLogEntryId?: string;
}

export interface Journal {
  /**
   * Queues the call's PhoneCall (and the optional log line) with no request to iTop before it is on disk.
   * What needs iTop is left to the outbox at send time: the agent is `:current_contact_id`, the ticket may be
   * an OQL query, and the PhoneCall turns into a private-log entry only when iTop answers that it has no such
   * class (or that this login has no Person), never because it could not be reached.
   */
  logCall(request: LogCallRequest): Promise<Result<LoggedCall>>;
}

export function createJournal(deps: JournalDeps): Journal {
  return {
    async logCall(request) {
      const { call, ticket, wrapUp } = request;
      const where = ticket.ref ?? `${ticket.class} ${typeof ticket.key === 'number' ? ticket.key : '(new)'}`;
      const ticketKey = typeof ticket.key === 'object' ? ticket.key.$entry : String(ticket.key);
      const key = `call:${call.callId}:log:${ticket.class}:${ticketKey}:${hash(wrapUp)}`;
      const privateLog: WriteOpInput = {
        kind: 'update', class: ticket.class, key: ticket.key, markLog: 'private_log',
        fields: { private_log: privateLogCallEntry({ call, wrapUp, timeZone: deps.timeZone }) },
      };
      const op: WriteOpInput = {
        kind: 'create', class: deps.journal.phoneCallClass, markField: deps.journal.fields.note, outputFields: ['id'],
        fields: buildPhoneCallFields(deps.journal, { call, agent: AGENT_PERSON_OQL, ticket: ticket.key, wrapUp, timeZone: deps.timeZone }),
        fallback: privateLog,
      };
      const queued = await deps.outbox.enqueue({ op, key, label: `Phone call on ${where}` });
      if (!queued.ok) return queued;
      const result: LoggedCall = { entryId: queued.value.id, journal: 'phonecall' };

      const alsoLog = request.alsoLog ?? deps.journal.alsoLogOnTicket;
      if (alsoLog === 'none' || wrapUp.trim() === '') return ok(result);
      const extra = await deps.outbox.enqueue({
        key: `${key}:${alsoLog}`,
        label: `Call note in the ${alsoLog === 'public_log' ? 'public' : 'private'} log of ${where}`,
        op: { kind: 'update', class: ticket.class, key: ticket.key, markLog: alsoLog, fields: { [alsoLog]: caseLogItem(buildCallNote(call, wrapUp)) } },
      });
      if (!extra.ok) return fail(extra.error.code, `The call was queued, but not the note for the ticket's log: ${extra.error.message}`);
      return ok({ ...result, alsoLogEntryId: extra.value.id });
    },
  };
}

/** FNV-1a: the same note on the same ticket is the same request (double click, retry after a restart). */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16);
}
