import type { CallEvent } from '../../../shared/cti/call-event';
import { fail, ok, type Result } from '../../../shared/result';
import { silentLog, type Log } from '../intake/log';
import { DEFAULT_CALL_LIMITS, expireSession, isOverdue, type CallLimits } from './call-expiry';
import { applyEvent, TERMINAL_STATES, type CallSession } from './call-session';

/**
 * All current and recent calls, one state machine each, published as versioned plain-data snapshots
 * (most recent first). Later stages (caller lookup, ticket lists) attach their results with `patch`.
 */
export interface CallsSnapshot {
  /** Increments on every change, so consumers can drop stale snapshots. */
  readonly version: number;
  readonly calls: readonly CallSession[];
}

export interface CallPatch {
  readonly displayName?: string;
  readonly ticket?: string;
  /** Shallow-merged into `details`; a key set to undefined is removed. Must be plain JSON-like data. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface CallSessionsDeps {
  clock: { now(): number };
  onChange?(snapshot: CallsSnapshot): void;
  log?: Log;
  /** How many finished calls (ended/missed/failed) to keep; default 50. */
  keepFinished?: number;
  /** Finished calls older than this (by end time) are dropped; default: kept until `keepFinished` pushes them out. */
  keepFinishedMs?: number;
  /** When live calls without news are given up on; see call-expiry.ts for the defaults. */
  limits?: Partial<CallLimits>;
}

export interface CallSessions {
  /** Feeds one event to its call's state machine; returns the call after it, or undefined if ignored. */
  apply(event: CallEvent): CallSession | undefined;
  patch(callId: string, patch: CallPatch): Result<CallSession>;
  /** Removes a call from the list (any state: a URL-triggered call never gets a hangup). */
  dismiss(callId: string): boolean;
  /** Ends the live calls without news for too long (the host runs it periodically); returns how many. */
  expire(): number;
  get(callId: string): CallSession | undefined;
  snapshot(): CallsSnapshot;
  subscribe(listener: (snapshot: CallsSnapshot) => void): () => void;
}

export function createCallSessions(deps: CallSessionsDeps): CallSessions {
  const log = deps.log ?? silentLog;
  const keepFinished = deps.keepFinished ?? 50;
  const limits: CallLimits = { ...DEFAULT_CALL_LIMITS, ...deps.limits };
  // lastNewsAt: the intake clock when the call last had an event (bridges' own `at` may be skewed).
  const calls = new Map<string, { session: CallSession; seq: number; lastNewsAt: number }>();
  const listeners = new Set<(snapshot: CallsSnapshot) => void>();
  let version = 0;
  let seq = 0;
  let current: CallsSnapshot = { version, calls: [] };

  function prune(): void {
    const now = deps.clock.now();
    const finished = [...calls.values()].filter((c) => TERMINAL_STATES.has(c.session.state)).sort(newestFirst);
    finished.forEach((call, index) => {
      const tooOld = deps.keepFinishedMs !== undefined && now - (call.session.endedAt ?? call.session.startedAt) > deps.keepFinishedMs;
      if (index >= keepFinished || tooOld) calls.delete(call.session.callId);
    });
  }

  /** Overdue calls end; then, past the cap, the live calls with the oldest news. Returns how many ended. */
  function expireLive(now: number): number {
    let expired = 0;
    const live: { session: CallSession; seq: number; lastNewsAt: number }[] = [];
    for (const call of calls.values()) {
      if (TERMINAL_STATES.has(call.session.state)) continue;
      if (isOverdue(call.session, call.lastNewsAt, now, limits)) {
        calls.set(call.session.callId, { ...call, session: deepFreeze(expireSession(call.session, now)) });
        log.info('call expired without news', { callId: call.session.callId, state: call.session.state });
        expired += 1;
      } else live.push(call);
    }
    if (live.length > limits.maxLive) {
      live.sort((a, b) => a.lastNewsAt - b.lastNewsAt || a.seq - b.seq);
      for (const call of live.slice(0, live.length - limits.maxLive)) {
        calls.set(call.session.callId, { ...call, session: deepFreeze(expireSession(call.session, now)) });
        expired += 1;
      }
      log.warn('too many live calls: the oldest were ended', { maxLive: limits.maxLive });
    }
    return expired;
  }

  function publish(): void {
    prune();
    version += 1;
    // Sessions are deep-frozen when stored, so snapshots share them instead of cloning every call on every
    // change (two full copies per event were most of the soak bench's time); a consumer cannot mutate ours.
    current = Object.freeze({ version, calls: Object.freeze([...calls.values()].sort(newestFirst).map((c) => c.session)) });
    const snapshot = current;
    for (const listener of [deps.onChange, ...listeners]) {
      try {
        listener?.(snapshot);
      } catch (error) {
        log.warn('calls listener failed', { error: String(error) });
      }
    }
  }

  return {
    apply(event) {
      const existing = calls.get(event.callId);
      const transition = applyEvent(existing?.session, event);
      if (transition.kind === 'ignored') {
        log.info('call event ignored', { callId: event.callId, kind: event.kind, reason: transition.reason });
        return undefined;
      }
      const now = deps.clock.now();
      calls.set(event.callId, { session: deepFreeze(transition.session), seq: existing?.seq ?? ++seq, lastNewsAt: now });
      expireLive(now);
      publish();
      return calls.get(event.callId)?.session;
    },
    patch(callId, patch) {
      const existing = calls.get(callId);
      if (!existing) return fail('call-unknown', `No call ${callId} to update (dismissed or never seen)`);
      let details: Record<string, unknown>;
      try {
        details = structuredClone({ ...existing.session.details, ...(patch.details ?? {}) });
      } catch (error) {
        return fail('patch-not-serializable', `Data attached to call ${callId} is not plain data: ${(error as Error).message}`);
      }
      for (const key of Object.keys(details)) if (details[key] === undefined) delete details[key];
      const session: CallSession = {
        ...existing.session,
        ...(patch.displayName === undefined ? {} : { displayName: patch.displayName }),
        ...(patch.ticket === undefined ? {} : { ticket: patch.ticket }),
        details,
      };
      calls.set(callId, { ...existing, session: deepFreeze(session) });
      publish();
      return ok(session);
    },
    dismiss(callId) {
      if (!calls.delete(callId)) return false;
      publish();
      return true;
    },
    expire() {
      const expired = expireLive(deps.clock.now());
      if (expired > 0) publish();
      return expired;
    },
    get: (callId) => calls.get(callId)?.session,
    snapshot: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

function newestFirst(a: { session: CallSession; seq: number }, b: { session: CallSession; seq: number }): number {
  return b.session.startedAt - a.session.startedAt || b.seq - a.seq;
}

/** Freezes plain data all the way down (already frozen parts are skipped: they were frozen the same way). */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
