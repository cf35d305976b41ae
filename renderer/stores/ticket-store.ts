import { createStore } from 'zustand/vanilla';
import type { CtiBridge } from '../../shared/contract/contract';
import type { TicketDetail, TicketRef } from '../../shared/contract/tickets';

export interface TicketState {
  ref: TicketRef | null;
  state: 'idle' | 'loading' | 'done' | 'error';
  detail: TicketDetail | null;
  error: string | null;
  actions: {
    opened(ref: TicketRef): Promise<void>;
    closed(): void;
  };
}

const sameRef = (a: TicketRef | null, b: TicketRef) => a !== null && a.class === b.class && a.id === b.id;

/** The ticket the agent is reading. A late answer for a ticket they already left is dropped. */
export function createTicketStore(bridge: CtiBridge) {
  return createStore<TicketState>()((set, get) => ({
    ref: null,
    state: 'idle',
    detail: null,
    error: null,
    actions: {
      async opened(ref) {
        set({ ref, state: 'loading', detail: null, error: null });
        const r = await bridge.invoke('ticket:get', ref);
        if (!sameRef(get().ref, ref)) return;
        set(r.ok ? { state: 'done', detail: r.value } : { state: 'error', error: r.error.message });
      },
      closed: () => set({ ref: null, state: 'idle', detail: null, error: null }),
    },
  }));
}
export type TicketStore = ReturnType<typeof createTicketStore>;
