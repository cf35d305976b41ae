import type { Timers } from '../../electron/core/shell/timers';

/**
 * A compressed day: timers fire in virtual-time order, as fast as the work they start allows, one virtual
 * minute at a time: `settle` is awaited after each minute's firings (the load model waits for the requests
 * they started), so virtual time only moves on when the agents are idle.
 */
export interface VirtualClock {
  readonly timers: Timers;
  now(): number;
  at(time: number, run: () => Promise<void> | void): void;
  runUntil(end: number, settle: () => Promise<void>, onTick?: (now: number) => void): Promise<number>;
}

interface Pending {
  readonly at: number;
  readonly seq: number;
  readonly run: () => Promise<void> | void;
  cancelled: boolean;
}

const WINDOW_MS = 60_000;

export function createVirtualClock(): VirtualClock {
  let now = 0;
  let seq = 0;
  const queue: Pending[] = [];
  const push = (at: number, run: Pending['run']): Pending => {
    const item: Pending = { at, seq: (seq += 1), run, cancelled: false };
    // Binary insertion keeps the queue ordered by time, then by arrival.
    let lo = 0;
    let hi = queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = queue[mid] as Pending;
      if (m.at < at || (m.at === at && m.seq < item.seq)) lo = mid + 1;
      else hi = mid;
    }
    queue.splice(lo, 0, item);
    return item;
  };
  return {
    timers: {
      set: (callback, ms) => push(now + Math.max(0, ms), callback),
      clear: (handle) => void ((handle as Pending).cancelled = true),
    },
    now: () => now,
    at: (time, run) => void push(time, run),
    async runUntil(end, settle, onTick) {
      let fired = 0;
      while (queue.length > 0 && (queue[0] as Pending).at <= end) {
        // Everything due within one virtual minute (aligned, so requests count in their minute) runs together (the agents are independent): their waits on
        // iTop and on the disk overlap instead of adding up.
        const windowEnd = Math.min(end, Math.floor((queue[0] as Pending).at / WINDOW_MS) * WINDOW_MS + WINDOW_MS - 1);
        const running: (Promise<void> | void)[] = [];
        while (queue.length > 0 && (queue[0] as Pending).at <= windowEnd) {
          const next = queue.shift() as Pending;
          if (next.cancelled) continue;
          now = next.at;
          onTick?.(now);
          running.push(next.run());
          fired += 1;
        }
        await Promise.all(running);
        await settle();
      }
      now = end;
      return fired;
    },
  };
}
