import type { Timers } from '../timers';

/** Timers driven by the test: `advance(ms)` fires what is due, in order. No wall clock involved. */
export function createManualTimers(): Timers & { advance(ms: number): void; pending(): number } {
  let now = 0;
  let nextId = 1;
  const due = new Map<number, { at: number; callback: () => void }>();
  return {
    set(callback, ms) {
      const id = nextId++;
      due.set(id, { at: now + ms, callback });
      return id;
    },
    clear(handle) {
      due.delete(handle as number);
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const next = [...due.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!next) break;
        due.delete(next[0]);
        now = next[1].at;
        next[1].callback();
      }
      now = until;
    },
    pending: () => due.size,
  };
}
