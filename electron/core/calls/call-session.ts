import type { CallDirection, CallEvent, CallSource } from '../../../shared/cti/call-event';

/**
 * One call's state machine, as a pure function of (current session, event).
 *   inbound:  ringing → answered → ended;  ringing → missed (hangup before answer)
 *   outbound: dialing → answered → ended;  dialing → failed (hangup before answer: busy, no answer…)
 * Bridges deliver out of order: `answered` without `ringing` starts the call; a late `answered` for a call
 * already closed as missed/failed (answered before it ended) turns it into an ended call.
 */
export type CallState = 'ringing' | 'dialing' | 'answered' | 'ended' | 'missed' | 'failed';

export const TERMINAL_STATES: ReadonlySet<CallState> = new Set(['ended', 'missed', 'failed']);

export interface CallSession {
  readonly callId: string;
  readonly direction: CallDirection;
  readonly state: CallState;
  /** Raw, as received; normalization is attached later (details). */
  readonly remoteNumber: string;
  readonly localNumber: string;
  readonly withheld: boolean;
  readonly displayName?: string;
  readonly source: CallSource;
  /** Epoch ms. */
  readonly startedAt: number;
  readonly answeredAt?: number;
  readonly endedAt?: number;
  /** Talk time: answered → ended. */
  readonly durationMs?: number;
  readonly cause?: string;
  readonly ticket?: string;
  readonly attributes?: Readonly<Record<string, string>>;
  /** Data later stages attach (callers, lists, normalized number…); plain JSON. */
  readonly details: Readonly<Record<string, unknown>>;
}

export type Transition = { readonly kind: 'changed'; readonly session: CallSession } | { readonly kind: 'ignored'; readonly reason: string };

const ignored = (reason: string): Transition => ({ kind: 'ignored', reason });

export function startSession(event: CallEvent): CallSession | undefined {
  const base = {
    callId: event.callId,
    direction: event.direction,
    remoteNumber: event.remoteNumber,
    localNumber: event.localNumber,
    withheld: event.withheld ?? false,
    source: event.source,
    startedAt: event.at,
    details: {},
    ...(event.displayName === undefined ? {} : { displayName: event.displayName }),
    ...(event.ticket === undefined ? {} : { ticket: event.ticket }),
    ...(event.attributes === undefined ? {} : { attributes: { ...event.attributes } }),
  };
  switch (event.kind) {
    case 'ringing':
      // An outbound call "rings" at the far end: for us it is still dialing.
      return { ...base, state: event.direction === 'outbound' ? 'dialing' : 'ringing' };
    case 'outgoing':
      return { ...base, direction: 'outbound', state: 'dialing' };
    case 'answered':
      return { ...base, state: 'answered', answeredAt: event.at };
    case 'hangup':
      return undefined;
  }
}

/** Fills what the session does not know yet (name, numbers, ticket) from a later event. */
function mergeInfo(session: CallSession, event: CallEvent): CallSession {
  return {
    ...session,
    ...(session.displayName === undefined && event.displayName !== undefined ? { displayName: event.displayName } : {}),
    ...(session.remoteNumber === '' && event.remoteNumber !== '' ? { remoteNumber: event.remoteNumber, withheld: event.withheld ?? false } : {}),
    ...(session.localNumber === '' && event.localNumber !== '' ? { localNumber: event.localNumber } : {}),
    ...(session.ticket === undefined && event.ticket !== undefined ? { ticket: event.ticket } : {}),
  };
}

export function applyEvent(session: CallSession | undefined, event: CallEvent): Transition {
  if (session === undefined) {
    const started = startSession(event);
    return started ? { kind: 'changed', session: started } : ignored(`hangup for unknown call ${event.callId}`);
  }
  const merged = mergeInfo(session, event);
  const infoChanged = JSON.stringify(merged) !== JSON.stringify(session);
  const unchanged = (reason: string): Transition => (infoChanged ? { kind: 'changed', session: merged } : ignored(reason));
  const at = Math.max(event.at, merged.startedAt);

  if (TERMINAL_STATES.has(merged.state)) {
    const endedAt = merged.endedAt ?? at;
    if (event.kind === 'answered' && merged.state !== 'ended' && event.at <= endedAt) {
      return { kind: 'changed', session: { ...merged, state: 'ended', answeredAt: at, durationMs: Math.max(0, endedAt - at) } };
    }
    return unchanged(`${event.kind} after the call ${merged.state}`);
  }
  switch (event.kind) {
    case 'ringing':
    case 'outgoing':
      return unchanged(`repeated ${event.kind}`);
    case 'answered':
      return merged.state === 'answered' ? unchanged('repeated answered') : { kind: 'changed', session: { ...merged, state: 'answered', answeredAt: at } };
    case 'hangup':
      return { kind: 'changed', session: hangUp(merged, at, event.cause) };
  }
}

function hangUp(session: CallSession, at: number, cause: string | undefined): CallSession {
  const withCause = cause === undefined ? {} : { cause };
  if (session.state === 'answered') {
    const answeredAt = session.answeredAt ?? session.startedAt;
    const endedAt = Math.max(at, answeredAt);
    return { ...session, ...withCause, state: 'ended', endedAt, durationMs: endedAt - answeredAt };
  }
  if (session.state === 'dialing') return { ...session, state: 'failed', endedAt: at, cause: cause ?? 'noAnswer' };
  return { ...session, ...withCause, state: 'missed', endedAt: at };
}
