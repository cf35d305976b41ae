import { z } from 'zod';
import { fail, ok, type Result } from '../result';
import { BridgeCallEvent, type CallEvent, type CallSource } from './call-event';
import { checkRawNumber, cleanDisplayName, hasUnsafeChars, preview } from './raw-number';

/**
 * The bridge wire protocol besides the event frames themselves: the bridge's answer to a dial command,
 * and the conversion of a validated BridgeCallEvent into the app's CallEvent.
 */

/** Frames above this are refused with an error reply (the connection stays open). */
export const MAX_FRAME_BYTES = 16 * 1024;

export const DialResultFrame = z.object({
  result: z.enum(['ok', 'error']),
  requestId: z.string().min(1, 'requestId must not be empty').max(200).refine((id) => !hasUnsafeChars(id), 'requestId must not contain control, bidi or invalid characters'),
  message: z.string().max(1000).optional(),
});
export type DialResultFrame = z.infer<typeof DialResultFrame>;

/** App → bridge: place a call. `dialString` is what the PBX should dial; `number` is for display/logging. */
export interface DialCommandFrame {
  readonly command: 'dial';
  readonly requestId: string;
  readonly number: string;
  readonly dialString: string;
  readonly ticket?: string;
}

export type BridgeFrame =
  | { readonly type: 'event'; readonly event: BridgeCallEvent }
  | { readonly type: 'dial-result'; readonly result: DialResultFrame };

/** "callId: callId must not be empty; at: Invalid ISO datetime" — every issue, with the zod path. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : '(frame)'}: ${issue.message}`)
    .join('; ');
}

/** Validates one parsed JSON value as a BridgeCallEvent. */
export function parseBridgeEvent(value: unknown): Result<BridgeCallEvent> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('frame-not-object', 'An event must be a JSON object like {"event":"ringing","callId":"…","from":"…"}');
  }
  const parsed = BridgeCallEvent.safeParse(value);
  return parsed.success ? ok(parsed.data) : fail('frame-invalid', describeIssues(parsed.error));
}

/** Parses one text frame from a bridge: a call event, or the answer to a dial command. */
export function parseBridgeFrame(text: string): Result<BridgeFrame> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail('frame-not-json', `Frame is not JSON (${(error as Error).message}): ${preview(text, 80)}`);
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'result' in value) {
    const parsed = DialResultFrame.safeParse(value);
    return parsed.success ? ok({ type: 'dial-result', result: parsed.data }) : fail('frame-invalid', describeIssues(parsed.error));
  }
  const event = parseBridgeEvent(value);
  return event.ok ? ok({ type: 'event', event: event.value }) : event;
}

/**
 * Our side and the other side follow the direction: inbound calls come `from` the remote party, outbound
 * calls go `to` it. Without an explicit direction, `outgoing` means outbound and everything else inbound.
 */
export function bridgeEventToCallEvent(frame: BridgeCallEvent, context: { source: CallSource; now: number }): Result<CallEvent> {
  const direction = frame.direction ?? (frame.event === 'outgoing' ? 'outbound' : 'inbound');
  const [remoteField, localField] = direction === 'inbound' ? (['from', 'to'] as const) : (['to', 'from'] as const);
  const remote = checkRawNumber(frame[remoteField], `Field "${remoteField}"`);
  if (!remote.ok) return remote;
  const local = checkRawNumber(frame[localField], `Field "${localField}"`);
  if (!local.ok) return local;
  const displayName = cleanDisplayName(frame.displayName);
  return ok({
    kind: frame.event,
    callId: frame.callId,
    direction,
    remoteNumber: remote.value.number,
    localNumber: local.value.number,
    ...(displayName === undefined ? {} : { displayName }),
    at: timeOf(frame.at, context.now),
    ...(frame.cause === undefined ? {} : { cause: frame.cause }),
    source: context.source,
    withheld: remote.value.withheld,
  });
}

/** The bridge's timestamp when it has a usable one; the intake clock otherwise. */
function timeOf(at: string | undefined, now: number): number {
  const parsed = at === undefined ? Number.NaN : Date.parse(at);
  return Number.isFinite(parsed) ? parsed : now;
}
