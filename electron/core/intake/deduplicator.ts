import type { CallEvent, CallSource } from '../../../shared/cti/call-event';
import { digitsOf } from '../../../shared/cti/raw-number';

/**
 * One call, one pop. Bridges give call ids: an id seen before is the same call, and the same lifecycle
 * event twice (a repeated `ringing`) is dropped. The 3CX contact URL, deep links and argv have no ids and
 * 3CX fires its URL twice (window.open and navigation): the same number within the window is one call.
 */
export type DedupeVerdict =
  | { readonly kind: 'new' }
  | { readonly kind: 'update' }
  /** Drop the event; `callId` is the call it repeats. */
  | { readonly kind: 'duplicate'; readonly callId: string };

export interface Deduplicator {
  check(event: CallEvent): DedupeVerdict;
}

const SOURCES_WITHOUT_CALL_IDS: ReadonlySet<CallSource> = new Set(['url', 'deep-link', 'argv']);

export function hasOwnCallIds(source: CallSource): boolean {
  return !SOURCES_WITHOUT_CALL_IDS.has(source);
}

export function createDeduplicator(deps: { windowMs: number; clock: { now(): number }; maxCallIds?: number }): Deduplicator {
  const maxCallIds = deps.maxCallIds ?? 1000;
  /** callId → lifecycle kinds seen; Map order = insertion order, so the first key is the oldest. */
  const kindsById = new Map<string, Set<CallEvent['kind']>>();
  /** number key → the call it started and when (the window runs from the first delivery, it never slides). */
  const byNumber = new Map<string, { callId: string; at: number }>();

  function checkById(event: CallEvent): DedupeVerdict {
    const kinds = kindsById.get(event.callId);
    if (kinds?.has(event.kind)) return { kind: 'duplicate', callId: event.callId };
    if (kinds) {
      kinds.add(event.kind);
      return { kind: 'update' };
    }
    kindsById.set(event.callId, new Set([event.kind]));
    if (kindsById.size > maxCallIds) {
      const oldest = kindsById.keys().next().value;
      if (oldest !== undefined) kindsById.delete(oldest);
    }
    return { kind: 'new' };
  }

  function checkByNumber(event: CallEvent): DedupeVerdict {
    const now = deps.clock.now();
    for (const [key, seen] of byNumber) if (now - seen.at >= deps.windowMs || now < seen.at) byNumber.delete(key);
    const digits = digitsOf(event.remoteNumber);
    const key = digits !== '' ? digits : `text:${event.remoteNumber.trim().toLowerCase()}`;
    const seen = byNumber.get(key);
    if (seen) return { kind: 'duplicate', callId: seen.callId };
    byNumber.set(key, { callId: event.callId, at: now });
    return { kind: 'new' };
  }

  return { check: (event) => (hasOwnCallIds(event.source) ? checkById(event) : checkByNumber(event)) };
}
