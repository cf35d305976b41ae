import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CallEvent } from '../../../shared/cti/call-event';
import { createCallSessions, type CallsSnapshot } from './call-sessions';

function setup(options: { keepFinished?: number; keepFinishedMs?: number } = {}) {
  let time = 10_000;
  const clock = { now: () => time, advance: (ms: number) => void (time += ms) };
  const published: CallsSnapshot[] = [];
  const sessions = createCallSessions({ clock, onChange: (s) => published.push(s), ...options });
  const send = (kind: CallEvent['kind'], callId: string, extra: Partial<CallEvent> = {}) =>
    sessions.apply({
      kind, callId, direction: kind === 'outgoing' ? 'outbound' : 'inbound', remoteNumber: '+331234', localNumber: '201',
      at: clock.now(), source: 'bridge', ...extra,
    });
  return { sessions, clock, published, send };
}

describe('inbound calls', () => {
  it('ringing → answered → ended with times and talk duration', () => {
    const { sessions, clock, send } = setup();
    send('ringing', 'c1', { displayName: 'Jane' });
    clock.advance(3000);
    send('answered', 'c1');
    clock.advance(65_000);
    send('hangup', 'c1', { cause: 'normal' });
    expect(sessions.get('c1')).toEqual({
      callId: 'c1', direction: 'inbound', state: 'ended', remoteNumber: '+331234', localNumber: '201', withheld: false, displayName: 'Jane',
      source: 'bridge', startedAt: 10_000, answeredAt: 13_000, endedAt: 78_000, durationMs: 65_000, cause: 'normal', details: {},
    });
  });

  it('ringing → hangup is a missed call without talk time', () => {
    const { sessions, clock, send } = setup();
    send('ringing', 'm1');
    clock.advance(20_000);
    send('hangup', 'm1', { cause: 'cancel' });
    expect(sessions.get('m1')).toMatchObject({ state: 'missed', endedAt: 30_000, cause: 'cancel' });
    expect(sessions.get('m1')?.durationMs).toBeUndefined();
  });

  it('tolerates out-of-order events: answered without ringing, late answered after hangup, hangup for an unknown call', () => {
    const { sessions, clock, send } = setup();
    expect(send('answered', 'a1')).toMatchObject({ state: 'answered', startedAt: 10_000, answeredAt: 10_000 });
    expect(send('hangup', 'ghost')).toBeUndefined();
    expect(sessions.get('ghost')).toBeUndefined();
    send('ringing', 'late');
    clock.advance(10_000);
    send('hangup', 'late');
    send('answered', 'late', { at: 15_000 });
    expect(sessions.get('late')).toMatchObject({ state: 'ended', answeredAt: 15_000, endedAt: 20_000, durationMs: 5000 });
    expect(send('ringing', 'late')).toBeUndefined();
  });
});

describe('outbound calls', () => {
  it('outgoing → answered → ended, and outgoing → hangup is failed with a cause', () => {
    const { sessions, clock, send } = setup();
    send('outgoing', 'o1', { ticket: 'R-000001' });
    expect(sessions.get('o1')).toMatchObject({ state: 'dialing', direction: 'outbound', ticket: 'R-000001' });
    clock.advance(5000);
    send('answered', 'o1');
    clock.advance(1000);
    send('hangup', 'o1');
    expect(sessions.get('o1')).toMatchObject({ state: 'ended', durationMs: 1000 });
    send('outgoing', 'o2');
    send('hangup', 'o2', { cause: 'busy' });
    expect(sessions.get('o2')).toMatchObject({ state: 'failed', cause: 'busy' });
    send('outgoing', 'o3');
    send('hangup', 'o3');
    expect(sessions.get('o3')).toMatchObject({ state: 'failed', cause: 'noAnswer' });
  });
});

describe('snapshots', () => {
  it('keeps concurrent calls apart, most recent first, with an incrementing version', () => {
    const { sessions, clock, send, published } = setup();
    send('ringing', 'first');
    clock.advance(1000);
    send('ringing', 'second');
    send('answered', 'first');
    const snap = sessions.snapshot();
    expect(snap.calls.map((c) => [c.callId, c.state])).toEqual([['second', 'ringing'], ['first', 'answered']]);
    expect(published.map((s) => s.version)).toEqual([1, 2, 3]);
    expect(snap.version).toBe(3);
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
  });

  it('does not publish for ignored events and hands out frozen data nobody can change under us', () => {
    const { sessions, send, published } = setup();
    send('ringing', 'r');
    send('ringing', 'r');
    expect(published).toHaveLength(1);
    const snap = sessions.snapshot() as unknown as { calls: Array<{ state: string; details: Record<string, unknown> }> };
    const first = snap.calls[0];
    expect(() => {
      if (first) first.state = 'ended';
    }).toThrow(TypeError);
    sessions.patch('r', { details: { callers: { list: [1] } } });
    const patched = sessions.snapshot().calls[0] as unknown as { details: { callers: { list: number[] } } };
    expect(() => patched.details.callers.list.push(2)).toThrow(TypeError);
    expect(sessions.get('r')?.state).toBe('ringing');
  });

  it('keeps only the last N finished calls and drops old ones by age', () => {
    const { sessions, clock, send } = setup({ keepFinished: 2, keepFinishedMs: 60_000 });
    for (const id of ['a', 'b', 'c']) {
      send('ringing', id);
      send('hangup', id);
      clock.advance(1);
    }
    send('ringing', 'active');
    expect(sessions.snapshot().calls.map((c) => c.callId)).toEqual(['active', 'c', 'b']);
    clock.advance(61_000);
    send('ringing', 'later');
    expect(sessions.snapshot().calls.map((c) => c.callId)).toEqual(['later', 'active']);
  });

  it('dismisses calls and lets subscribers unsubscribe', () => {
    const { sessions, send } = setup();
    const seen: number[] = [];
    const unsubscribe = sessions.subscribe((s) => seen.push(s.calls.length));
    send('ringing', 'x');
    expect(sessions.dismiss('x')).toBe(true);
    expect(sessions.dismiss('x')).toBe(false);
    unsubscribe();
    send('ringing', 'y');
    expect(seen).toEqual([1, 0]);
  });
});

describe('patch', () => {
  it('attaches lookup results to details, merging shallowly', () => {
    const { sessions, send, published } = setup();
    send('ringing', 'p');
    sessions.patch('p', { details: { callers: { state: 'loading' } } });
    const patched = sessions.patch('p', { details: { lists: [1, 2] }, displayName: 'Jane Doe' });
    expect(patched).toMatchObject({ ok: true, value: { displayName: 'Jane Doe', details: { callers: { state: 'loading' }, lists: [1, 2] } } });
    expect(published.at(-1)?.calls[0]?.details).toEqual({ callers: { state: 'loading' }, lists: [1, 2] });
  });

  it('refuses unknown calls and data that is not plain', () => {
    const { sessions, send } = setup();
    expect(sessions.patch('nope', {})).toMatchObject({ ok: false, error: { code: 'call-unknown' } });
    send('ringing', 'p');
    expect(sessions.patch('p', { details: { fn: () => 1 } })).toMatchObject({ ok: false, error: { code: 'patch-not-serializable' } });
  });
});

describe('state machine under arbitrary event sequences', () => {
  it('never throws, keeps states valid and times ordered', () => {
    const event = fc.record({
      kind: fc.constantFrom('ringing', 'answered', 'hangup', 'outgoing' as const),
      callId: fc.constantFrom('a', 'b', 'c'),
      direction: fc.constantFrom('inbound', 'outbound' as const),
      at: fc.integer({ min: 0, max: 100_000 }),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        const { sessions } = setup();
        for (const e of events) sessions.apply({ ...e, remoteNumber: '1', localNumber: '', source: 'bridge' });
        for (const call of sessions.snapshot().calls) {
          expect(['ringing', 'dialing', 'answered', 'ended', 'missed', 'failed']).toContain(call.state);
          if (call.answeredAt !== undefined) expect(call.answeredAt).toBeGreaterThanOrEqual(call.startedAt);
          if (call.endedAt !== undefined) expect(call.endedAt).toBeGreaterThanOrEqual(call.answeredAt ?? call.startedAt);
          if (call.durationMs !== undefined) expect(call.durationMs).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});
