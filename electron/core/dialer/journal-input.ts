import type { TicketRef } from '../../../shared/contract/tickets';
import type { CallSession } from '../calls/call-session';
import { outboundDetailsOf } from './outbound-details';

/**
 * The outbound PhoneCall to log for a call the dialer placed, once it is known to be over (issue 6 §5):
 * with the talk time when the PBX reported the call (`outgoing` → `answered` → `hangup`), without it when no
 * bridge event ever came (url/os methods, or a bridge that only acknowledges dial commands).
 */
export interface OutboundCallRecord {
  readonly callId: string;
  readonly flow: 'outbound';
  readonly ticket?: TicketRef;
  /** Without `ticket`: the link's ticket id/ref, for iTop to resolve when the PhoneCall is sent. */
  readonly ticketHint?: string;
  /** The called Person (contact_id). */
  readonly personId?: string;
  readonly number: string;
  readonly e164?: string;
  readonly dialString: string;
  /** Epoch ms: when the agent dialed. */
  readonly startedAt: number;
  /** Talk time, only when the PBX reported the answer and the hangup. */
  readonly durationMs?: number;
  /** answered / not-answered (PBX said so) / unknown (no PBX events). */
  readonly outcome: 'answered' | 'not-answered' | 'unknown';
  readonly cause?: string;
}

/** How long to wait for a first bridge event before logging the call without a duration. */
export const DEFAULT_UNTRACKED_GRACE_MS = 120_000;

/**
 * The record when it is ready to be logged, else undefined (not an outbound call the dialer placed, a dial
 * that never reached the phone system, or a call still in progress). Pure: call it on every snapshot; the
 * journal logs each callId once.
 */
export function outboundCallRecord(session: CallSession, now: number, untrackedGraceMs = DEFAULT_UNTRACKED_GRACE_MS): OutboundCallRecord | undefined {
  const outbound = outboundDetailsOf(session.details);
  if (session.direction !== 'outbound' || !outbound || outbound.dispatch !== 'sent') return undefined;
  const base = {
    callId: session.callId,
    flow: 'outbound' as const,
    ...(outbound.ticket ? { ticket: outbound.ticket } : outbound.ticketHint ? { ticketHint: outbound.ticketHint } : {}),
    ...(outbound.personId ? { personId: outbound.personId } : {}),
    number: outbound.display,
    ...(outbound.e164 ? { e164: outbound.e164 } : {}),
    dialString: outbound.dialString,
    startedAt: session.startedAt,
    ...(session.cause ? { cause: session.cause } : {}),
  };
  if (outbound.tracked) {
    if (session.state === 'ended') return { ...base, outcome: 'answered', ...(session.durationMs !== undefined ? { durationMs: session.durationMs } : {}) };
    if (session.state === 'failed' || session.state === 'missed') return { ...base, outcome: 'not-answered' };
    return undefined;
  }
  return now - session.startedAt >= untrackedGraceMs ? { ...base, outcome: 'unknown' } : undefined;
}
