import type { JournalConfig } from '../../../shared/config';
import { fail, ok, type Result } from '../../../shared/result';
import { caseLogItem, type ItopClient } from '../itop';
import type { Outbox, WriteOpInput } from '../outbox';
import type { CallFacts } from './call-facts';
import { buildCallNote, buildPhoneCallFields, privateLogCallEntry, type TicketKey } from './phone-call-fields';
import { createPhoneCallSupport } from './phonecall-support';

export interface JournalDeps {
  outbox: Outbox;
  client: ItopClient;
  journal: JournalConfig;
  /** iTop's server time zone (config.itop.serverTimeZone). */
  timeZone: string;
}

export interface LogCallRequest {
  call: CallFacts;
  ticket: { class: string; key: TicketKey; ref?: string };
  wrapUp: string;
  /** The agent's Person id (PhoneCall.agent_id is mandatory); without one, the call goes to the private log. */
  agentId?: number;
  /** Also append the wrap-up note to the ticket's log; default config.journal.alsoLogOnTicket. */
  alsoLog?: 'none' | 'public_log' | 'private_log';
}

export interface LoggedCall {
  entryId: string;
  journal: 'phonecall' | 'private-log';
  alsoLogEntryId?: string;
}

export interface Journal {
  /** Queues the call's record (PhoneCall, or a private-log entry on a stock iTop) and the optional log line. */
  logCall(request: LogCallRequest): Promise<Result<LoggedCall>>;
}

export function createJournal(deps: JournalDeps): Journal {
  const support = createPhoneCallSupport(deps.client, deps.journal.phoneCallClass);
  return {
    async logCall(request) {
      const { call, ticket, wrapUp } = request;
      const where = ticket.ref ?? `${ticket.class} ${typeof ticket.key === 'number' ? ticket.key : '(new)'}`;
      const ticketKey = typeof ticket.key === 'number' ? String(ticket.key) : ticket.key.$entry;
      const key = `call:${call.callId}:log:${ticket.class}:${ticketKey}:${hash(wrapUp)}`;
      const privateLog: WriteOpInput = {
        kind: 'update', class: ticket.class, key: ticket.key, markLog: 'private_log',
        fields: { private_log: privateLogCallEntry({ call, wrapUp, timeZone: deps.timeZone }) },
      };
      // Unknown while iTop is unreachable: queue a PhoneCall that turns into the private-log entry if iTop
      // turns out not to know the class.
      const hasClass = (await support.check()).ok ? support.known() : undefined;
      const usePhoneCall = hasClass !== false && request.agentId !== undefined;
      const op: WriteOpInput = usePhoneCall
        ? {
          kind: 'create', class: deps.journal.phoneCallClass, markField: deps.journal.fields.note, outputFields: ['id'],
          fields: buildPhoneCallFields(deps.journal, { call, agentId: request.agentId as number, ticket: ticket.key, wrapUp, timeZone: deps.timeZone }),
          ...(hasClass === undefined ? { fallback: privateLog } : {}),
        }
        : privateLog;
      const queued = await deps.outbox.enqueue({ op, key, label: `${usePhoneCall ? 'Phone call' : 'Call note (private log)'} on ${where}` });
      if (!queued.ok) return queued;
      const result: LoggedCall = { entryId: queued.value.id, journal: usePhoneCall ? 'phonecall' : 'private-log' };

      const alsoLog = request.alsoLog ?? deps.journal.alsoLogOnTicket;
      if (alsoLog === 'none' || wrapUp.trim() === '' || (alsoLog === 'private_log' && !usePhoneCall)) return ok(result);
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
