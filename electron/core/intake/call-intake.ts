import { randomUUID } from 'node:crypto';
import { parseArgv } from '../../../shared/cti/argv';
import { bridgeEventToCallEvent } from '../../../shared/cti/bridge-frame';
import type { BridgeCallEvent, CallEvent, CallSource } from '../../../shared/cti/call-event';
import { parseDeepLink } from '../../../shared/cti/deep-link';
import type { CallIntent, DialIntent, IncomingCallIntent } from '../../../shared/cti/intents';
import { ok, type AppError, type Result } from '../../../shared/result';
import { createDeduplicator } from './deduplicator';
import type { Log } from './log';

/**
 * The one funnel every intake path goes through: converts its input to a CallEvent, drops duplicates,
 * hands the rest to `onEvent`, and reports every refused input to `onIntakeError` (so the UI can say
 * "3CX sent %CallerNumber%: check its contact URL").
 */
export interface IntakeError extends AppError {
  readonly source: CallSource;
  readonly at: number;
}

export interface AcceptedCall {
  readonly event: CallEvent;
  /** True when the event repeats a call already delivered; it was not passed on. */
  readonly duplicate: boolean;
}

/** What a deep link or command line led to: a call (passed on), a dial request (for the dialer), or nothing. */
export type IntakeOutcome =
  | ({ readonly kind: 'call' } & AcceptedCall)
  | { readonly kind: 'dial'; readonly intent: DialIntent }
  | { readonly kind: 'none' };

export interface CallIntakeDeps {
  clock: { now(): number };
  dedupeWindowMs: number;
  onEvent(event: CallEvent): void;
  onIntakeError?(error: IntakeError): void;
  log: Log;
  /** Call ids for paths that have none (URL, deep link, argv). */
  newCallId?: () => string;
}

export interface CallIntake {
  acceptBridgeEvent(frame: BridgeCallEvent, source: 'bridge' | 'http-events' | 'simulated'): Result<AcceptedCall>;
  acceptIncomingCall(intent: IncomingCallIntent, source: 'url' | 'deep-link' | 'argv'): Result<AcceptedCall>;
  acceptDeepLink(url: string): Result<IntakeOutcome>;
  acceptArgv(argv: readonly string[]): Result<IntakeOutcome>;
  /** For edges that refuse input before it reaches the funnel (bad JSON, no token…): log and notify. */
  reportRefused(error: AppError, source: CallSource): void;
}

export function createCallIntake(deps: CallIntakeDeps): CallIntake {
  const dedupe = createDeduplicator({ windowMs: deps.dedupeWindowMs, clock: deps.clock });
  const newCallId = deps.newCallId ?? (() => randomUUID());

  function refused<T>(result: Result<T>, source: CallSource): Result<T> {
    if (!result.ok) {
      deps.log.warn('intake refused input', { source, code: result.error.code, message: result.error.message });
      try {
        deps.onIntakeError?.({ ...result.error, source, at: deps.clock.now() });
      } catch (error) {
        deps.log.warn('onIntakeError listener failed', { error: String(error) });
      }
    }
    return result;
  }

  function deliver(event: CallEvent): Result<AcceptedCall> {
    const verdict = dedupe.check(event);
    if (verdict.kind === 'duplicate') {
      deps.log.info('duplicate call event dropped', { source: event.source, kind: event.kind, callId: verdict.callId });
      return ok({ event: { ...event, callId: verdict.callId }, duplicate: true });
    }
    try {
      deps.onEvent(event);
    } catch (error) {
      // A failing consumer must not turn a valid frame into an error reply nor kill the server.
      deps.log.warn('onEvent listener failed', { callId: event.callId, error: String(error) });
    }
    return ok({ event, duplicate: false });
  }

  function acceptIncomingCall(intent: IncomingCallIntent, source: 'url' | 'deep-link' | 'argv'): Result<AcceptedCall> {
    return deliver({
      kind: 'ringing',
      callId: newCallId(),
      direction: 'inbound',
      remoteNumber: intent.number,
      localNumber: '',
      ...(intent.displayName === undefined ? {} : { displayName: intent.displayName }),
      at: deps.clock.now(),
      source,
      ...(intent.attributes === undefined ? {} : { attributes: intent.attributes }),
      withheld: intent.withheld,
    });
  }

  function outcomeOf(intent: CallIntent | { kind: 'none' }, source: 'deep-link' | 'argv'): Result<IntakeOutcome> {
    if (intent.kind === 'none') return ok({ kind: 'none' });
    if (intent.kind === 'dial') return ok({ kind: 'dial', intent });
    const accepted = acceptIncomingCall(intent, source);
    return accepted.ok ? ok({ kind: 'call', ...accepted.value }) : accepted;
  }

  return {
    acceptBridgeEvent(frame, source) {
      const event = bridgeEventToCallEvent(frame, { source, now: deps.clock.now() });
      return event.ok ? deliver(event.value) : refused(event, source);
    },
    acceptIncomingCall,
    acceptDeepLink(url) {
      const link = refused(parseDeepLink(url), 'deep-link');
      return link.ok ? outcomeOf(link.value, 'deep-link') : link;
    },
    acceptArgv(argv) {
      const intent = refused(parseArgv(argv), 'argv');
      return intent.ok ? outcomeOf(intent.value, 'argv') : intent;
    },
    reportRefused(error, source) {
      refused({ ok: false, error }, source);
    },
  };
}
