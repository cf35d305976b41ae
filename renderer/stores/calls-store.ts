import { createStore } from 'zustand/vanilla';
import type { CtiBridge } from '../../shared/contract/contract';
import type { CallerSelection, CallsSnapshot, CallView } from '../../shared/contract/views';
import { keepUnchanged } from '../lib/keep-unchanged';

export interface CallsState {
  version: number;
  calls: CallView[];
  /** Call the core asked to bring forward (notification click, tray), or the agent picked. */
  focusedCallId: string | null;
  /** Last failed intent per call (choosing a caller, dismissing), shown on that call's card. */
  errors: Record<string, string>;
  simulation: { state: 'idle' | 'sending' | 'error'; error?: string };
  actions: CallsActions;
}

export interface CallsActions {
  /** A pushed or fetched snapshot; `authoritative` snapshots (app:snapshot after a reconnect) replace any version. */
  snapshotReceived(snapshot: CallsSnapshot, authoritative?: boolean): void;
  callerChosen(callId: string, selection: CallerSelection): Promise<void>;
  dismissed(callId: string): Promise<void>;
  focusRequested(callId: string): void;
  simulateRequested(number: string, name?: string): Promise<void>;
}

/** Ringing calls first (they need the agent now), then the most recent. */
export function orderCalls(calls: readonly CallView[]): CallView[] {
  const rank = (c: CallView) => (c.state === 'ringing' || c.state === 'dialing' ? 0 : c.state === 'answered' ? 1 : 2);
  return [...calls].sort((a, b) => rank(a) - rank(b) || b.startedAt - a.startedAt);
}

export function createCallsStore(bridge: CtiBridge) {
  return createStore<CallsState>()((set, get) => {
    const setError = (callId: string, message: string | null) =>
      set((s) => {
        const errors = { ...s.errors };
        if (message === null) delete errors[callId];
        else errors[callId] = message;
        return { errors };
      });
    const patchCall = (callId: string, patch: Partial<CallView>) =>
      set((s) => ({ calls: s.calls.map((c) => (c.callId === callId ? { ...c, ...patch } : c)) }));

    return {
      version: -1,
      calls: [],
      focusedCallId: null,
      errors: {},
      simulation: { state: 'idle' },
      actions: {
        snapshotReceived(snapshot, authoritative = false) {
          // Events can overtake a fetched snapshot: never step back to an older version.
          if (!authoritative && snapshot.version < get().version) return;
          const ids = new Set(snapshot.calls.map((c) => c.callId));
          set((s) => {
            // Each call keeps its previous object where nothing changed, so memoized cards skip rendering.
            const before = new Map(s.calls.map((c) => [c.callId, c]));
            const calls = orderCalls(snapshot.calls.map((c) => keepUnchanged(before.get(c.callId), c)));
            return {
              version: snapshot.version,
              calls: calls.length === s.calls.length && calls.every((c, i) => c === s.calls[i]) ? s.calls : calls,
              focusedCallId: s.focusedCallId && ids.has(s.focusedCallId) ? s.focusedCallId : null,
              errors: Object.fromEntries(Object.entries(s.errors).filter(([id]) => ids.has(id))),
            };
          });
        },
        async callerChosen(callId, selection) {
          const before = get().calls.find((c) => c.callId === callId)?.selection;
          if (!before) return;
          // Move the choice at once; the core's snapshot with reloading lists follows.
          patchCall(callId, { selection });
          setError(callId, null);
          const r = await bridge.invoke('call:select-caller', { callId, selection });
          if (!r.ok) {
            patchCall(callId, { selection: before });
            setError(callId, r.error.message);
          }
        },
        async dismissed(callId) {
          const r = await bridge.invoke('call:dismiss', { callId });
          if (!r.ok) setError(callId, r.error.message);
        },
        focusRequested(callId) {
          set({ focusedCallId: callId });
        },
        async simulateRequested(number, name) {
          set({ simulation: { state: 'sending' } });
          const r = await bridge.invoke('call:simulate', name ? { number, name } : { number });
          if (r.ok) set({ simulation: { state: 'idle' }, focusedCallId: r.value.callId });
          else set({ simulation: { state: 'error', error: r.error.message } });
        },
      },
    };
  });
}
export type CallsStore = ReturnType<typeof createCallsStore>;
