import type { CallEvent } from '../../../shared/cti/call-event';

/**
 * The dialer opens the outbound session under its own call id before the PBX has one. When the bridge then
 * reports the call (`outgoing`, `answered`, `hangup`) under its own id, this maps that id to the dialer's, so
 * the same session goes dialing → answered → ended and keeps its ticket and person.
 * A bridge event is matched to the oldest unmatched dial to the same number placed within `windowMs`
 * (the bridge may also simply reuse the dialer's call id or the dial command's requestId).
 */
export interface ExpectedDial {
  readonly callId: string;
  /** Every form the PBX may report the number in: dial string, E.164. */
  readonly numbers: readonly string[];
  readonly at: number;
  requestId?: string;
}

export interface OutboundCorrelator {
  expect(dial: Omit<ExpectedDial, 'requestId'>): void;
  setRequestId(callId: string, requestId: string): void;
  forget(callId: string): void;
  /** The event under the dialer's call id when it belongs to a dial, plus whether it is the first one matched. */
  route(event: CallEvent): { event: CallEvent; matched?: { callId: string; first: boolean } };
}

const SUFFIX_DIGITS = 8;
const MAX_LINKS = 500;

const digits = (value: string): string => value.replace(/\D/g, '');

function sameNumber(reported: string, dialed: readonly string[]): boolean {
  const got = digits(reported);
  if (got.length === 0) return false;
  return dialed.some((candidate) => {
    const want = digits(candidate);
    if (want === got) return true;
    // PBXs report with or without outside-line prefix/IDD/trunk zero: compare the subscriber part.
    return want.length >= SUFFIX_DIGITS && got.length >= SUFFIX_DIGITS && want.slice(-SUFFIX_DIGITS) === got.slice(-SUFFIX_DIGITS);
  });
}

export function createOutboundCorrelator(options: { windowMs: number }): OutboundCorrelator {
  const expected = new Map<string, ExpectedDial>();
  const links = new Map<string, string>(); // bridge call id → dialer call id

  function link(bridgeId: string, callId: string): { callId: string; first: boolean } {
    expected.delete(callId);
    links.set(bridgeId, callId);
    if (links.size > MAX_LINKS) links.delete(links.keys().next().value as string); // oldest first
    return { callId, first: true };
  }

  return {
    expect(dial) {
      // Dials no bridge ever reported (url/os methods) must not pile up.
      for (const [callId, old] of expected) if (dial.at - old.at > options.windowMs) expected.delete(callId);
      expected.set(dial.callId, { ...dial });
    },
    setRequestId(callId, requestId) {
      const dial = expected.get(callId);
      if (dial) dial.requestId = requestId;
    },
    forget(callId) {
      expected.delete(callId);
      for (const [bridgeId, linked] of links) if (linked === callId) links.delete(bridgeId);
    },
    route(event) {
      const known = links.get(event.callId);
      if (known !== undefined) return { event: { ...event, callId: known }, matched: { callId: known, first: false } };
      for (const dial of expected.values()) {
        if (dial.callId === event.callId || (dial.requestId !== undefined && dial.requestId === event.callId)) {
          const matched = link(event.callId, dial.callId);
          return { event: { ...event, callId: dial.callId }, matched };
        }
      }
      if (event.direction !== 'outbound') return { event };
      // Map iteration is insertion order: the oldest dial to that number wins.
      for (const dial of expected.values()) {
        const fresh = event.at >= dial.at - options.windowMs && event.at - dial.at <= options.windowMs;
        if (fresh && sameNumber(event.remoteNumber, dial.numbers)) {
          const matched = link(event.callId, dial.callId);
          return { event: { ...event, callId: dial.callId }, matched };
        }
      }
      return { event };
    },
  };
}
