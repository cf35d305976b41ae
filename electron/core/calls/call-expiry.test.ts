import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallEvent } from '../../../shared/cti/call-event';
import { NO_HANGUP_CAUSE } from './call-expiry';
import { TERMINAL_STATES } from './call-session';
import { createCallSessions } from './call-sessions';

/** Issue 11, item 2: calls whose hang-up never comes end on their own, and live calls are capped. */
function setup(limits = { ringTimeoutMs: 120_000, staleAnsweredMs: 12 * 3_600_000, maxLive: 3 }) {
  let time = 1_000_000;
  const clock = { now: () => time, advance: (ms: number) => void (time += ms) };
  const sessions = createCallSessions({ clock, limits, keepFinished: 5 });
  const send = (kind: CallEvent['kind'], callId: string) =>
    sessions.apply({ kind, callId, direction: kind === 'outgoing' ? 'outbound' : 'inbound', remoteNumber: '+33123456789', localNumber: '201', at: clock.now(), source: 'bridge' });
  return { sessions, clock, send };
}

describe('live calls without news', () => {
  it('ringing for 2 minutes without news → missed, marked "no hang-up received"; a late hang-up changes nothing', () => {
    const { sessions, clock, send } = setup();
    send('ringing', 'r1');
    clock.advance(119_999);
    expect(sessions.expire()).toBe(0);
    clock.advance(1);
    expect(sessions.expire()).toBe(1);
    expect(sessions.get('r1')).toMatchObject({ state: 'missed', cause: NO_HANGUP_CAUSE, endedAt: clock.now() });
    expect(send('hangup', 'r1')).toBeUndefined();
  });

  it('dialing without news → failed; answered without news for 12 h → ended without a made-up duration', () => {
    const { sessions, clock, send } = setup();
    send('outgoing', 'o1');
    send('ringing', 'a1');
    send('answered', 'a1');
    clock.advance(120_000);
    sessions.expire();
    expect(sessions.get('o1')).toMatchObject({ state: 'failed', cause: NO_HANGUP_CAUSE });
    expect(sessions.get('a1')?.state).toBe('answered');
    clock.advance(12 * 3_600_000 - 120_000);
    sessions.expire();
    expect(sessions.get('a1')).toMatchObject({ state: 'ended', cause: NO_HANGUP_CAUSE });
    expect(sessions.get('a1')?.durationMs).toBeUndefined();
  });

  it('news restarts the clock: an answered call keeps living while events keep coming', () => {
    const { sessions, clock, send } = setup();
    send('ringing', 'c1');
    clock.advance(100_000);
    send('answered', 'c1');
    clock.advance(100_000);
    sessions.expire();
    expect(sessions.get('c1')?.state).toBe('answered');
  });

  it('past the cap, the live call with the oldest news is ended first', () => {
    const { sessions, clock, send } = setup();
    for (const id of ['a', 'b', 'c']) {
      send('ringing', id);
      clock.advance(1000);
    }
    send('answered', 'a'); // newest news now: b is the oldest
    clock.advance(1000);
    send('ringing', 'd');
    expect(sessions.get('b')).toMatchObject({ state: 'missed', cause: NO_HANGUP_CAUSE });
    expect(['a', 'c', 'd'].map((id) => sessions.get(id)?.state)).toEqual(['answered', 'ringing', 'ringing']);
  });

  it('whatever the events, live calls never exceed the cap and the whole set stays bounded', () => {
    const event = fc.record({ kind: fc.constantFrom<CallEvent['kind']>('ringing', 'answered', 'hangup', 'outgoing'), id: fc.integer({ min: 0, max: 40 }), wait: fc.integer({ min: 0, max: 200_000 }) });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 300 }), (events) => {
        const { sessions, clock, send } = setup();
        for (const e of events) {
          clock.advance(e.wait);
          send(e.kind, `c${e.id}`);
          if (e.wait > 150_000) sessions.expire();
        }
        const calls = sessions.snapshot().calls;
        expect(calls.filter((c) => !TERMINAL_STATES.has(c.state)).length).toBeLessThanOrEqual(3);
        expect(calls.length).toBeLessThanOrEqual(3 + 5);
      }),
    );
  });
});
