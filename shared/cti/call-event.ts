import { z } from 'zod';
import { hasUnsafeChars, MAX_CALL_ID_LENGTH } from './raw-number';

/**
 * What any intake path (CTI bridge WebSocket, POST /events, 3CX URL, itop-cti:// link, argv) turns its
 * input into. The bridge protocol is exactly this shape; the other paths synthesize it.
 */
export const CallEventKind = z.enum(['ringing', 'answered', 'hangup', 'outgoing']);
export type CallEventKind = z.infer<typeof CallEventKind>;

export const CallDirection = z.enum(['inbound', 'outbound']);
export type CallDirection = z.infer<typeof CallDirection>;

/** Where an event came from: decides de-duplication rules and whether a deep link needs confirmation. */
export const CallSource = z.enum(['bridge', 'http-events', 'url', 'deep-link', 'argv', 'app', 'simulated']);
export type CallSource = z.infer<typeof CallSource>;

const text = (max: number) => z.string().max(max);

/** A frame as a bridge sends it (validated at the edge; unknown keys are ignored, not fatal). */
export const BridgeCallEvent = z.object({
  event: CallEventKind,
  // Same checks as numbers: a call id is shown, logged and echoed back, so it must be plain text.
  callId: text(MAX_CALL_ID_LENGTH)
    .min(1, 'callId must not be empty')
    .refine((id) => !hasUnsafeChars(id), 'callId must not contain control, bidi or invalid characters'),
  from: text(200).default(''),
  to: text(200).default(''),
  direction: CallDirection.optional(),
  displayName: text(200).optional(),
  at: z.iso.datetime({ offset: true }).optional(),
  cause: text(200).optional(),
});
export type BridgeCallEvent = z.infer<typeof BridgeCallEvent>;

/** The one event type the call pipeline consumes. */
export interface CallEvent {
  readonly kind: CallEventKind;
  /** Bridge call id, or one synthesized by the intake for paths that have none (URL, argv). */
  readonly callId: string;
  readonly direction: CallDirection;
  /** The other party's number exactly as received (before normalization). */
  readonly remoteNumber: string;
  /** Our side (extension / DID) when known. */
  readonly localNumber: string;
  readonly displayName?: string;
  /** Epoch milliseconds. */
  readonly at: number;
  readonly cause?: string;
  readonly source: CallSource;
  /** Extra URL parameters mapped through `url_parameters` (Person attribute code → value), e.g. {email: …}. */
  readonly attributes?: Readonly<Record<string, string>>;
  /** Ticket the call is about, when a click-to-call or deep link named one (id or ref). */
  readonly ticket?: string;
  /** The caller suppressed their number (anonymous/unknown/…/empty): skip lookup, show "withheld". */
  readonly withheld?: boolean;
}
