import type { CallView, OutboundCallView } from '../../../shared/contract/views';
import type { CallEvent } from '../../../shared/cti/call-event';
import type { CallSession } from '../calls/call-session';
import { outboundDetailsOf } from '../dialer';
import type { Enrichment } from './call-enricher';

/** What the companion knows about a call beyond its session and enrichment. */
export interface CallExtras {
  readonly create?: CallView['create'];
  /** The outbound journal's state for this call (queued entry, or why it is not logged). */
  readonly journal?: Pick<OutboundCallView, 'journal' | 'journalProblem'>;
}

/** One call as the UI sees it: the session's state machine plus who calls and their tickets. */
export function toCallView(session: CallSession, enrichment: Enrichment, extras: CallExtras = {}): CallView {
  const outbound = outboundView(session, enrichment, extras.journal);
  return {
    callId: session.callId,
    direction: session.direction,
    state: session.state,
    source: session.source,
    number: enrichment.number,
    ...(session.displayName !== undefined ? { displayName: session.displayName } : {}),
    startedAt: session.startedAt,
    ...(session.answeredAt !== undefined ? { answeredAt: session.answeredAt } : {}),
    ...(session.endedAt !== undefined ? { endedAt: session.endedAt } : {}),
    ...(session.durationMs !== undefined ? { durationMs: session.durationMs } : {}),
    callers: enrichment.callers,
    selection: enrichment.selection,
    choices: enrichment.choices,
    lists: enrichment.lists,
    ...(session.ticket !== undefined ? { ticket: session.ticket } : {}),
    ...(extras.create ? { create: extras.create } : {}),
    ...(outbound ? { outbound } : {}),
  };
}

/** A ticket text such as "R-000123" names the ref; the dialer's own "UserRequest::2" form does not. */
export function ticketRefText(session: Pick<CallSession, 'ticket'>): string | undefined {
  return session.ticket !== undefined && !session.ticket.includes('::') ? session.ticket : undefined;
}

function outboundView(session: CallSession, enrichment: Enrichment, journal: CallExtras['journal']): OutboundCallView | undefined {
  const details = outboundDetailsOf(session.details);
  if (!details) return undefined;
  const ref = ticketRefText(session);
  const name = details.personId ? enrichment.callers.matches.find((m) => m.personId === details.personId)?.name : undefined;
  return {
    method: details.method,
    origin: details.origin,
    dialString: details.dialString,
    dispatch: details.dispatch,
    ...(details.error ? { error: details.error } : {}),
    tracked: details.tracked,
    ...(details.ticket ? { ticket: { ...details.ticket, ...(ref ? { ref } : {}) } } : {}),
    ...(details.personId ? { person: { personId: details.personId, ...(name ? { name } : {}) } } : {}),
    ...(journal?.journal ? { journal: journal.journal } : {}),
    ...(journal?.journalProblem ? { journalProblem: journal.journalProblem } : {}),
  };
}

/** A session seen before its enrichment (e.g. an event that arrived during start()). */
export function sessionAsEvent(session: CallSession): CallEvent {
  return {
    kind: 'ringing',
    callId: session.callId,
    direction: session.direction,
    remoteNumber: session.remoteNumber,
    localNumber: session.localNumber,
    at: session.startedAt,
    source: session.source,
    ...(session.attributes ? { attributes: session.attributes } : {}),
  };
}
