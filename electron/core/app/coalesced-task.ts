/**
 * Runs `task` once after the current turn however many times it was requested during it. One ring changes
 * the lookup, the lists and the session in the same turn; without this each change was a full snapshot
 * validated, sent and rendered, the first ones already stale (issue 4 paint bench).
 */
export interface CoalescedTask {
  request(): void;
  /** Runs a requested task now (a reader needs the latest state before the turn ends). */
  flush(): void;
}

export function createCoalescedTask(task: () => void): CoalescedTask {
  let queued = false;
  const flush = (): void => {
    if (!queued) return;
    queued = false;
    task();
  };
  return {
    request() {
      if (queued) return;
      queued = true;
      queueMicrotask(flush);
    },
    flush,
  };
}
