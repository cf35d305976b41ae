import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CallEvent } from '../../../shared/cti/call-event';
import { createOutboundCorrelator } from './outbound-correlator';

const event = (callId: string, remoteNumber: string, at: number, extra: Partial<CallEvent> = {}): CallEvent => ({
  kind: 'outgoing', callId, direction: 'outbound', remoteNumber, localNumber: '201', at, source: 'bridge', ...extra,
});

describe('createOutboundCorrelator', () => {
  it('matches the oldest dial to the same number, then keeps the link for later events', () => {
    const c = createOutboundCorrelator({ windowMs: 60_000 });
    c.expect({ callId: 'd1', numbers: ['0123456789', '+33123456789'], at: 1000 });
    c.expect({ callId: 'd2', numbers: ['0123456789', '+33123456789'], at: 2000 });
    expect(c.route(event('p1', '00123456789', 3000))).toEqual({ event: event('d1', '00123456789', 3000), matched: { callId: 'd1', first: true } });
    expect(c.route(event('p2', '+33 1 23 45 67 89', 3500)).matched).toEqual({ callId: 'd2', first: true });
    expect(c.route(event('p1', '', 9000, { kind: 'hangup' }))).toMatchObject({ event: { callId: 'd1' }, matched: { first: false } });
  });

  it('leaves other calls alone: inbound, another number, too late, already matched', () => {
    const c = createOutboundCorrelator({ windowMs: 60_000 });
    c.expect({ callId: 'd1', numbers: ['0123456789'], at: 1000 });
    expect(c.route(event('i1', '0123456789', 2000, { kind: 'ringing', direction: 'inbound' })).matched).toBeUndefined();
    expect(c.route(event('p1', '0612345678', 2000)).matched).toBeUndefined();
    expect(c.route(event('p2', '0123456789', 62_001)).matched).toBeUndefined();
    expect(c.route(event('p3', '0123456789', 5000)).matched?.callId).toBe('d1');
    expect(c.route(event('p4', '0123456789', 5000)).matched).toBeUndefined();
    c.forget('d1');
    expect(c.route(event('p3', '0123456789', 6000)).matched).toBeUndefined();
  });

  it('property: an event is only ever renamed to a dial that was expected', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 12 }), fc.stringMatching(/^\+?\d{0,14}$/), fc.boolean()), { maxLength: 30 }), (events) => {
        const c = createOutboundCorrelator({ windowMs: 1000 });
        c.expect({ callId: 'd1', numbers: ['0123456789'], at: 0 });
        for (const [callId, number, outbound] of events) {
          const routed = c.route(event(callId || 'x', number, 0, { direction: outbound ? 'outbound' : 'inbound' }));
          expect([callId || 'x', 'd1']).toContain(routed.event.callId);
        }
      }),
    );
  });
});
