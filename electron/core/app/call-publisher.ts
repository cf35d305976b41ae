import type { CallView, CallsSnapshot } from '../../../shared/contract/views';
import type { CallSession } from '../calls/call-session';
import type { CallSessions } from '../calls/call-sessions';
import type { CallEnricher } from './call-enricher';
import type { CallHistory } from './call-history';
import { sessionAsEvent, toCallView } from './call-view';
import { createCoalescedTask } from './coalesced-task';
import type { CompanionEvents } from './companion-events';
import type { creationOffer } from './creation-offer';
import type { OutboundJournal } from './outbound-journal';

export interface CallPublisherDeps {
  readonly sessions: Pick<CallSessions, 'snapshot'>;
  readonly enricher: () => CallEnricher | undefined;
  readonly history: () => CallHistory | undefined;
  readonly outbound: Pick<OutboundJournal, 'extras' | 'review'>;
  /** The creation presets offered on each call's card, by direction (they follow the settings). */
  readonly offers: () => Record<CallSession['direction'], ReturnType<typeof creationOffer>>;
  readonly emit: CompanionEvents['emit'];
  readonly now: () => number;
}

export interface CallPublisher {
  /** Publishes once after this turn, however many changes asked for it. */
  request(): void;
  /** The calls as last published, after publishing what was requested (a reader needs the latest state). */
  snapshot(): CallsSnapshot;
}

/**
 * Every change pushes every kept call to the UI as one versioned snapshot, records the calls in the history,
 * forgets the enrichment of calls no longer kept, and lets the outbound journal look at the calls again.
 */
export function createCallPublisher(deps: CallPublisherDeps): CallPublisher {
  let version = 0;
  let snapshot: CallsSnapshot = { version, calls: [] };
  let known = new Set<string>();
  const publish = (): void => {
    const enricher = deps.enricher();
    const history = deps.history();
    const views: CallView[] = [];
    const live = new Set<string>();
    const current = deps.sessions.snapshot().calls;
    for (const session of current) {
      live.add(session.callId);
      const enrichment = enricher?.get(session.callId) ?? enricher?.start(sessionAsEvent(session));
      const journal = deps.outbound.extras(session.callId);
      if (enrichment) views.push(toCallView(session, enrichment, { create: deps.offers()[session.direction], ...(journal ? { journal } : {}) }));
    }
    for (const callId of [...known]) if (!live.has(callId)) enricher?.forget(callId);
    known = live;
    version += 1;
    snapshot = { version, calls: views };
    deps.emit('calls:changed', snapshot);
    let historyChanged = false;
    for (const view of views) historyChanged = (history?.record(view) ?? false) || historyChanged;
    if (historyChanged && history) deps.emit('history:changed', history.entries());
    deps.outbound.review(current, deps.now());
  };
  const task = createCoalescedTask(publish);
  return {
    request: () => task.request(),
    snapshot: () => (task.flush(), snapshot),
  };
}
