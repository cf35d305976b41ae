import type { CallView } from '../../../shared/contract/views';
import type { CallSession } from '../calls/call-session';
import type { Enrichment } from './call-enricher';

/** One call as the UI sees it: the session's state machine plus who calls and their tickets. */
export function toCallView(session: CallSession, enrichment: Enrichment): CallView {
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
  };
}
