import { TERMINAL_STATES, type CallSession } from './call-session';

/**
 * When a live call is given up on. Bridges lose hang-ups (restarts, dropped sockets) and the URL / link
 * paths never send one, so a call without news would otherwise stay live, and in memory, forever.
 */
export interface CallLimits {
  /** ringing / dialing with no news for this long → missed / failed. */
  readonly ringTimeoutMs: number;
  /** answered with no news for this long → ended, marked "no hang-up received". */
  readonly staleAnsweredMs: number;
  /** Live calls kept at once; the one with the oldest news is expired first. */
  readonly maxLive: number;
}

export const DEFAULT_CALL_LIMITS: CallLimits = { ringTimeoutMs: 2 * 60_000, staleAnsweredMs: 12 * 3_600_000, maxLive: 20 };

/** The cause recorded on a call the app ended itself, shown to the agent instead of a PBX cause. */
export const NO_HANGUP_CAUSE = 'no-hangup-received';

/** Whether a live call with its last news at `lastNewsAt` is overdue at `now`. */
export function isOverdue(session: CallSession, lastNewsAt: number, now: number, limits: CallLimits): boolean {
  if (TERMINAL_STATES.has(session.state)) return false;
  const limit = session.state === 'answered' ? limits.staleAnsweredMs : limits.ringTimeoutMs;
  return now - lastNewsAt >= limit;
}

/**
 * Closes a live call the way a hang-up would (ringing → missed, dialing → failed, answered → ended), at
 * `now`, without a duration for an answered call: nobody knows when it really ended.
 */
export function expireSession(session: CallSession, now: number): CallSession {
  const endedAt = Math.max(now, session.startedAt);
  switch (session.state) {
    case 'ringing':
      return { ...session, state: 'missed', endedAt, cause: NO_HANGUP_CAUSE };
    case 'dialing':
      return { ...session, state: 'failed', endedAt, cause: NO_HANGUP_CAUSE };
    case 'answered':
      return { ...session, state: 'ended', endedAt, cause: NO_HANGUP_CAUSE };
    default:
      return session;
  }
}
