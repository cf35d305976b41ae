import { createStore } from 'zustand/vanilla';
import type { CtiBridge } from '../../shared/contract/contract';
import type { OutboxEntryView, OutboxStatus } from '../../shared/contract/writes';

export interface OutboxState {
  /** Null until the first status arrives (fetched at start, then pushed on every change). */
  status: OutboxStatus | null;
  /** Last failed intent (retry, discard, edit), shown in the outbox panel. */
  error: string | null;
  actions: {
    statusReceived(status: OutboxStatus): void;
    refreshRequested(): Promise<void>;
    retryRequested(entryId?: string): Promise<void>;
    discardRequested(entryId: string): Promise<void>;
    /** Resolves with the edited entry, or null when the core refused the edit (error set). */
    editRequested(entryId: string, fields: Record<string, string | number | null>): Promise<OutboxEntryView | null>;
  };
}

/** The durable outbox as the agent sees it: counts, entries with their last error, and the fixes they can make. */
export function createOutboxStore(bridge: CtiBridge) {
  return createStore<OutboxState>()((set) => {
    const settle = async <T>(run: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T | null> => {
      const r = await run;
      if (r.ok) {
        set({ error: null });
        return r.value;
      }
      set({ error: r.error.message });
      return null;
    };
    return {
      status: null,
      error: null,
      actions: {
        statusReceived: (status) => set({ status }),
        async refreshRequested() {
          const status = await settle(bridge.invoke('outbox:status'));
          if (status) set({ status });
        },
        async retryRequested(entryId) {
          await settle(bridge.invoke('outbox:retry', entryId ? { entryId } : {}));
        },
        async discardRequested(entryId) {
          await settle(bridge.invoke('outbox:discard', { entryId }));
        },
        editRequested: (entryId, fields) => settle(bridge.invoke('outbox:edit', { entryId, fields })),
      },
    };
  });
}
export type OutboxStore = ReturnType<typeof createOutboxStore>;
