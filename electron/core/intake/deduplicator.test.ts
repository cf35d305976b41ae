import { describe, expect, it } from 'vitest';
import type { CallEvent } from '../../../shared/cti/call-event';
import { createDeduplicator } from './deduplicator';

function fakeClock(start = 0) {
  let time = start;
  return { now: () => time, advance: (ms: number) => void (time += ms) };
}
const event = (overrides: Partial<CallEvent>): CallEvent => ({
  kind: 'ringing', callId: 'c', direction: 'inbound', remoteNumber: '4711', localNumber: '', at: 0, source: 'bridge', ...overrides,
});

describe('createDeduplicator', () => {
  it('same callId: first is new, later lifecycle events update, a repeated kind is a duplicate', () => {
    const dedupe = createDeduplicator({ windowMs: 4000, clock: fakeClock() });
    expect(dedupe.check(event({}))).toEqual({ kind: 'new' });
    expect(dedupe.check(event({}))).toEqual({ kind: 'duplicate', callId: 'c' });
    expect(dedupe.check(event({ kind: 'answered' }))).toEqual({ kind: 'update' });
    expect(dedupe.check(event({ kind: 'hangup' }))).toEqual({ kind: 'update' });
    expect(dedupe.check(event({ callId: 'other' }))).toEqual({ kind: 'new' });
  });

  it('sources without ids: the same digits within the window are one call; after it, a new one', () => {
    const clock = fakeClock(1000);
    const dedupe = createDeduplicator({ windowMs: 4000, clock });
    expect(dedupe.check(event({ source: 'url', callId: 'u1', remoteNumber: '+49 30 123' }))).toEqual({ kind: 'new' });
    clock.advance(3999);
    expect(dedupe.check(event({ source: 'deep-link', callId: 'u2', remoteNumber: '+4930123' }))).toEqual({ kind: 'duplicate', callId: 'u1' });
    expect(dedupe.check(event({ source: 'url', callId: 'u3', remoteNumber: '+4930124' }))).toEqual({ kind: 'new' });
    clock.advance(1);
    expect(dedupe.check(event({ source: 'url', callId: 'u4', remoteNumber: '4930123' }))).toEqual({ kind: 'new' });
  });

  it('compares numbers without digits (withheld) by text', () => {
    const dedupe = createDeduplicator({ windowMs: 4000, clock: fakeClock() });
    expect(dedupe.check(event({ source: 'url', callId: 'a', remoteNumber: 'anonymous' }))).toEqual({ kind: 'new' });
    expect(dedupe.check(event({ source: 'url', callId: 'b', remoteNumber: 'Anonymous ' }))).toEqual({ kind: 'duplicate', callId: 'a' });
  });

  it('forgets the oldest call ids beyond its capacity', () => {
    const dedupe = createDeduplicator({ windowMs: 4000, clock: fakeClock(), maxCallIds: 2 });
    dedupe.check(event({ callId: 'a' }));
    dedupe.check(event({ callId: 'b' }));
    dedupe.check(event({ callId: 'c' }));
    expect(dedupe.check(event({ callId: 'a' }))).toEqual({ kind: 'new' });
    expect(dedupe.check(event({ callId: 'c' }))).toEqual({ kind: 'duplicate', callId: 'c' });
  });
});
