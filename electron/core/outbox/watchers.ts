import type { Log } from '../intake/log';
import type { OutboxClock } from './clock';
import type { OutboxEntry } from './entry';
import { isOpen } from './queue-rules';
import { summarize, type OutboxStatus } from './status';

/** Who waits on the outbox: status listeners (the tray, the panel) and callers awaiting one entry's end. */
export interface OutboxWatchers {
  /** After every change: listeners get the status, waiters of entries no longer open are released. */
  notify(entries: readonly OutboxEntry[], lastError: string | undefined): void;
  subscribe(listener: (status: OutboxStatus) => void): () => void;
  /** Resolves when `current()` is no longer open (done, failed, discarded), or after `timeoutMs`. */
  settled(entryId: string, current: () => OutboxEntry | undefined, timeoutMs?: number): Promise<OutboxEntry | undefined>;
}

export function createOutboxWatchers(clock: Pick<OutboxClock, 'setTimeout' | 'clearTimeout'>, log?: Log): OutboxWatchers {
  const listeners = new Set<(status: OutboxStatus) => void>();
  const waiters = new Map<string, Set<() => void>>();
  return {
    notify(entries, lastError) {
      const s = summarize(entries, lastError);
      for (const listener of listeners) {
        try {
          listener(s);
        } catch (e) {
          log?.warn('outbox status listener failed', { error: String(e) });
        }
      }
      for (const [id, callbacks] of waiters) {
        const entry = entries.find((e) => e.id === id);
        if (entry && isOpen(entry)) continue;
        waiters.delete(id);
        for (const cb of callbacks) cb();
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    settled(entryId, current, timeoutMs) {
      return new Promise((resolve) => {
        const now = current();
        if (!now || !isOpen(now)) return resolve(now);
        let timer: unknown;
        const done = () => {
          if (timer !== undefined) clock.clearTimeout(timer);
          waiters.get(entryId)?.delete(done);
          resolve(current());
        };
        if (timeoutMs !== undefined) timer = clock.setTimeout(done, timeoutMs);
        waiters.set(entryId, (waiters.get(entryId) ?? new Set()).add(done));
      });
    },
  };
}
