import type { EventChannel, EventPayload } from '../../../shared/contract/contract';
import type { AppStatus } from '../../../shared/contract/views';
import type { Log } from '../intake/log';
import type { IndexStatus } from '../lookup/index-service';
import type { OutboxStatus } from '../outbox';
import type { CompanionEventListener } from './companion-port';

/** The companion's listeners and the AppStatus it pushes ('status:changed') whenever a part changes. */
export interface CompanionEvents {
  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void;
  subscribe(listener: CompanionEventListener): () => void;
  status(): AppStatus;
  setStatus(patch: Partial<AppStatus>): void;
}

export function createCompanionEvents(initial: AppStatus, log: Log): CompanionEvents {
  const listeners = new Set<CompanionEventListener>();
  let status = initial;
  const emit: CompanionEventListener = (channel, payload) => {
    for (const listener of listeners) {
      try {
        listener(channel, payload);
      } catch (e) {
        // One broken window must not stop the others (or the core) from getting events.
        log.warn('companion listener failed', { error: String(e) });
      }
    }
  };
  return {
    emit,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    status: () => status,
    setStatus(patch) {
      status = { ...status, ...patch };
      emit('status:changed', status);
    },
  };
}

export const indexStatusView = (s: IndexStatus): AppStatus['index'] => ({
  persons: s.persons, numbers: s.numbers, building: s.building, ...(s.builtAt !== undefined ? { builtAt: s.builtAt } : {}), ...(s.error ? { error: s.error } : {}),
  ...(s.source ? { source: s.source } : {}), ...(s.syncedAt !== undefined ? { syncedAt: s.syncedAt } : {}), stale: s.stale,
});

export const outboxStatusView = (s: OutboxStatus): AppStatus['outbox'] => ({ pending: s.pending, failed: s.failed, ...(s.lastError !== undefined ? { lastError: s.lastError } : {}) });
