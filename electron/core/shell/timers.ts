/** Timers as a port: production passes setTimeout/clearTimeout, tests a manual clock (no wall-clock waits). */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const systemTimers: Timers = {
  set: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A pending auto-hide must never keep the process alive at quit.
    (handle as { unref?: () => void }).unref?.();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
