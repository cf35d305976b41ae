import { createStore } from 'zustand/vanilla';
import type { CtiBridge } from '../../shared/contract/contract';
import type { HistoryEntry } from '../../shared/contract/views';

export interface HistoryState {
  entries: HistoryEntry[];
  error: string | null;
  actions: {
    historyReceived(entries: HistoryEntry[]): void;
    /** The agent acknowledges a missed call without calling back. */
    missedCleared(number: string): Promise<void>;
  };
}

/** Missed calls still waiting for a call-back, newest first. */
export const openMissed = (entries: readonly HistoryEntry[]) =>
  entries.filter((e) => e.missedOpen).sort((a, b) => b.startedAt - a.startedAt);

export function createHistoryStore(bridge: CtiBridge) {
  return createStore<HistoryState>()((set) => ({
    entries: [],
    error: null,
    actions: {
      historyReceived: (entries) => set({ entries: [...entries].sort((a, b) => b.startedAt - a.startedAt), error: null }),
      async missedCleared(number) {
        const r = await bridge.invoke('history:clear-missed', { number });
        set({ error: r.ok ? null : r.error.message });
      },
    },
  }));
}
export type HistoryStore = ReturnType<typeof createHistoryStore>;
