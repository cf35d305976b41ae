import type { CallSession } from '../calls/call-session';
import { outboundCallRecord, ticketQuery, type OutboundCallRecord } from '../dialer';
import type { Journal, LogCallRequest } from '../journal';
import type { CallFacts } from '../journal';
import type { Log } from '../intake/log';
import type { CallExtras } from './call-view';
import { ticketRefText } from './call-view';

/**
 * Logs every call the dialer placed, once, as an outbound PhoneCall on its ticket and the called Person
 * (issue 6 §5), as soon as `outboundCallRecord` says it is over. Reviewed on every calls snapshot and by a
 * periodic sweep (a call no bridge ever reported is logged after the grace time, without duration).
 * "Once" holds across restarts too: the journal's outbox key is derived from the call id.
 * Nothing waits on iTop: the agent and a ticket known only by the link's ref are resolved by iTop when the
 * outbox sends the PhoneCall.
 */
export interface OutboundJournalDeps {
  readonly journal: Journal;
  readonly facts: (record: OutboundCallRecord, session: CallSession) => CallFacts;
  readonly log: Log;
  /** Something changed for a call's journal state: publish the calls again. */
  readonly onChange: () => void;
}

export interface OutboundJournal {
  review(sessions: readonly CallSession[], now: number): void;
  /** The journal state to show on the call (entry queued, or why not). */
  extras(callId: string): CallExtras['journal'] | undefined;
  /** Resolves when every log started so far has been queued (tests, shutdown). */
  idle(): Promise<void>;
}

export function createOutboundJournal(deps: OutboundJournalDeps): OutboundJournal {
  const states = new Map<string, NonNullable<CallExtras['journal']>>();
  const started = new Set<string>();
  const running = new Set<Promise<void>>();

  async function logOne(record: OutboundCallRecord, session: CallSession): Promise<void> {
    const ticket = ticketOf(record, ticketRefText(session));
    if (!ticket.ok) {
      states.set(record.callId, { journalProblem: ticket.problem });
      return deps.onChange();
    }
    const logged = await deps.journal.logCall({ call: deps.facts(record, session), ticket: ticket.value, wrapUp: '' });
    if (logged.ok) states.set(record.callId, { journal: { entryId: logged.value.entryId, kind: logged.value.journal } });
    else {
      // Not queued (the disk refused): forget it was tried, so the next review tries again.
      started.delete(record.callId);
      states.set(record.callId, { journalProblem: `Not logged yet: ${logged.error.message}` });
      deps.log.warn('outbound call not queued for logging', { callId: record.callId, error: logged.error.message });
    }
    deps.onChange();
  }

  return {
    review(sessions, now) {
      // A call gone from the sessions never comes back: its bookkeeping can go.
      const live = new Set(sessions.map((s) => s.callId));
      for (const callId of [...started]) if (!live.has(callId)) started.delete(callId);
      for (const callId of [...states.keys()]) if (!live.has(callId)) states.delete(callId);
      for (const session of sessions) {
        if (started.has(session.callId)) continue;
        const record = outboundCallRecord(session, now);
        if (!record) continue;
        started.add(session.callId);
        const job = logOne(record, session).catch((e: unknown) => {
          started.delete(session.callId);
          deps.log.warn('outbound call logging failed', { callId: session.callId, error: String(e) });
        });
        running.add(job);
        void job.finally(() => running.delete(job));
      }
    },
    extras: (callId) => states.get(callId),
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}

type TicketToLog = { ok: true; value: LogCallRequest['ticket'] } | { ok: false; problem: string };

/** The resolved ticket, else the link's ref as an OQL query iTop resolves when the PhoneCall is sent. */
function ticketOf(record: OutboundCallRecord, ref: string | undefined): TicketToLog {
  if (record.ticket) return { ok: true, value: { class: record.ticket.class, key: Number(record.ticket.id), ...(ref ? { ref } : {}) } };
  if (!record.ticketHint) return { ok: false, problem: 'Not logged: this call was placed without a ticket.' };
  const query = ticketQuery(record.ticketHint);
  if (!query.ok) return { ok: false, problem: `Not logged: ${query.error.message}` };
  return { ok: true, value: { class: 'Ticket', key: query.value, ref: record.ticketHint } };
}
