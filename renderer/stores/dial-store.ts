import { createStore } from 'zustand/vanilla';
import type { CtiBridge } from '../../shared/contract/contract';
import type { DialConfirm, DialStart, DialStarted, PendingDialView } from '../../shared/contract/dial';
import type { CallerSelection } from '../../shared/contract/views';

export interface DialState {
  /** Deep-link dials waiting for the agent's confirmation (oldest first). */
  pending: PendingDialView[];
  /** Why the last dial, confirmation or rejection failed (bridge refused, time-out, bad number…). */
  error: string | null;
  busy: boolean;
  actions: {
    pendingReceived(pending: PendingDialView[]): void;
    refreshRequested(): Promise<void>;
    /** Places a call from the app itself (call action, manual dialer); resolves with what was dialed, or null. */
    dialRequested(request: DialStart): Promise<DialStarted | null>;
    confirmed(confirm: DialConfirm): Promise<DialStarted | null>;
    rejected(pendingId: string): Promise<void>;
    /** The agent picked whom a pending dial calls (the core reloads the tickets offered). */
    calleeChosen(pendingId: string, selection: CallerSelection): Promise<void>;
    errorDismissed(): void;
  };
}

export function createDialStore(bridge: CtiBridge) {
  return createStore<DialState>()((set) => {
    const run = async <T>(call: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T | null> => {
      set({ busy: true, error: null });
      const r = await call;
      set(r.ok ? { busy: false } : { busy: false, error: r.error.message });
      return r.ok ? r.value : null;
    };
    return {
      pending: [],
      error: null,
      busy: false,
      actions: {
        pendingReceived: (pending) => set({ pending: [...pending].sort((a, b) => a.receivedAt - b.receivedAt) }),
        async refreshRequested() {
          const r = await bridge.invoke('dial:pending');
          if (r.ok) set({ pending: [...r.value].sort((a, b) => a.receivedAt - b.receivedAt) });
        },
        dialRequested: (request) => run(bridge.invoke('dial:start', request)),
        confirmed: (confirm) => run(bridge.invoke('dial:confirm', confirm)),
        async rejected(pendingId) {
          await run(bridge.invoke('dial:reject', { pendingId }));
        },
        async calleeChosen(pendingId, selection) {
          await run(bridge.invoke('dial:choose-callee', { pendingId, selection }));
        },
        errorDismissed: () => set({ error: null }),
      },
    };
  });
}
export type DialStore = ReturnType<typeof createDialStore>;
