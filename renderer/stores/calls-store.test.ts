import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createFakeBridge } from '../bridge/fake-bridge';
import { sampleCall } from '../testing/sample-views';
import { createCallsStore, orderCalls } from './calls-store';

describe('calls store', () => {
  it('keeps the newest snapshot when an older one arrives late', () => {
    const store = createCallsStore(createFakeBridge());
    const { snapshotReceived } = store.getState().actions;
    snapshotReceived({ version: 5, calls: [sampleCall({ callId: 'new' })] });
    snapshotReceived({ version: 3, calls: [sampleCall({ callId: 'old' })] });
    expect(store.getState().calls.map((c) => c.callId)).toEqual(['new']);
    // An authoritative snapshot (after a reconnect to a restarted core) replaces whatever version.
    snapshotReceived({ version: 1, calls: [] }, true);
    expect(store.getState()).toMatchObject({ version: 1, calls: [] });
  });

  it('keeps the object of a call a new snapshot did not change (memoized cards skip it)', () => {
    const store = createCallsStore(createFakeBridge());
    const { snapshotReceived } = store.getState().actions;
    snapshotReceived({ version: 1, calls: [sampleCall({ callId: 'a', startedAt: 1 }), sampleCall({ callId: 'b', startedAt: 2 })] });
    const [b1, a1] = store.getState().calls;
    snapshotReceived({ version: 2, calls: [sampleCall({ callId: 'a', startedAt: 1, state: 'answered' }), sampleCall({ callId: 'b', startedAt: 2 })] });
    const calls = store.getState().calls;
    expect(calls.find((c) => c.callId === 'b')).toBe(b1);
    expect(calls.find((c) => c.callId === 'a')).not.toBe(a1);
    expect(calls.find((c) => c.callId === 'a')?.state).toBe('answered');
  });

  it('moves the caller choice at once and sends it to the core', async () => {
    const received: unknown[] = [];
    const bridge = createFakeBridge({ 'call:select-caller': async (a) => (received.push(a), null) });
    const store = createCallsStore(bridge);
    store.getState().actions.snapshotReceived({ version: 1, calls: [sampleCall()] });
    const pending = store.getState().actions.callerChosen('c1', { kind: 'unknown' });
    expect(store.getState().calls[0]?.selection).toEqual({ kind: 'unknown' });
    await pending;
    expect(received).toEqual([{ callId: 'c1', selection: { kind: 'unknown' } }]);
    expect(store.getState().errors).toEqual({});
  });

  it('rolls the choice back and shows why when the core refuses it', async () => {
    const bridge = createFakeBridge({ 'call:select-caller': async () => { throw new Error('call c1 has ended'); } });
    const store = createCallsStore(bridge);
    store.getState().actions.snapshotReceived({ version: 1, calls: [sampleCall()] });
    await store.getState().actions.callerChosen('c1', { kind: 'person', personId: '12' });
    expect(store.getState().calls[0]?.selection).toEqual({ kind: 'all' });
    expect(store.getState().errors.c1).toContain('call c1 has ended');
  });

  it('focuses the simulated call, and reports a failed simulation', async () => {
    const good = createCallsStore(createFakeBridge({ 'call:simulate': async () => ({ callId: 'sim-1' }) }));
    await good.getState().actions.simulateRequested('+33123456789');
    expect(good.getState()).toMatchObject({ focusedCallId: 'sim-1', simulation: { state: 'idle' } });
    const bad = createCallsStore(createFakeBridge());
    await bad.getState().actions.simulateRequested('+33123456789');
    expect(bad.getState().simulation).toMatchObject({ state: 'error', error: expect.stringContaining('call:simulate') });
  });

  it('forgets focus and errors of calls that left the snapshot', async () => {
    const store = createCallsStore(createFakeBridge());
    const { actions } = store.getState();
    actions.snapshotReceived({ version: 1, calls: [sampleCall()] });
    actions.focusRequested('c1');
    await actions.dismissed('c1'); // no handler in the fake: recorded as an error on the card
    expect(store.getState().errors.c1).toBeDefined();
    actions.snapshotReceived({ version: 2, calls: [] });
    expect(store.getState()).toMatchObject({ focusedCallId: null, errors: {} });
  });

  it('orders ringing calls first, then newest, without losing any', () => {
    const state = fc.constantFrom('ringing', 'answered', 'ended', 'missed', 'dialing', 'failed' as const);
    fc.assert(
      fc.property(fc.array(fc.record({ state, startedAt: fc.nat() }), { maxLength: 20 }), (specs) => {
        const calls = specs.map((s, i) => sampleCall({ callId: `c${i}`, ...s }));
        const ordered = orderCalls(calls);
        expect(ordered.map((c) => c.callId).sort()).toEqual(calls.map((c) => c.callId).sort());
        const firstNotRinging = ordered.findIndex((c) => c.state !== 'ringing' && c.state !== 'dialing');
        if (firstNotRinging >= 0) expect(ordered.slice(firstNotRinging).some((c) => c.state === 'ringing' || c.state === 'dialing')).toBe(false);
      }),
    );
  });
});
