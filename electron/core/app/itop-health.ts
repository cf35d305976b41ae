import type { ItopRequestInfo } from '../itop';
import type { ItopStatus } from './connection-check';

/** setTimeout/clearTimeout as a port, so tests fire re-checks by hand (no wall-clock waits). */
export interface RecheckTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const unrefTimers: RecheckTimers = {
  set: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref(); // a pending re-check must never keep the process alive at quit
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ItopHealthDeps {
  readonly url: string;
  /** The full connection check (who am I): single-flight, its result comes back through `checked`. */
  readonly check: () => Promise<unknown>;
  readonly publish: (status: ItopStatus) => void;
  readonly timers?: RecheckTimers;
  /** First re-check after a failure; doubles up to `maxRetryMs`. Defaults 30 s and 5 min. */
  readonly firstRetryMs?: number;
  readonly maxRetryMs?: number;
}

export interface ItopHealth {
  /** The result of a connection check (start-up, re-check, or a write asking who the agent is). */
  checked(status: ItopStatus): void;
  /** Every REST request's outcome (ItopClient `onRequest`): the status follows real traffic. */
  observe(info: ItopRequestInfo): void;
  stop(): void;
}

const isUp = (s: ItopStatus | undefined): boolean => s?.state === 'connected' || s?.state === 'demo';

/**
 * Keeps AppStatus.itop true after start-up. A timeout or network failure of any request means
 * "unreachable", iTop code 1 means "login refused" (wrong password, or no REST profile), and a success while
 * not connected triggers a full check (to learn the agent's identity again). While not connected, the check
 * re-runs with backoff; other failures (HTTP 500, bad JSON) are left to the full check, which tells them apart.
 */
export function createItopHealth(deps: ItopHealthDeps): ItopHealth {
  const timers = deps.timers ?? unrefTimers;
  const first = deps.firstRetryMs ?? 30_000;
  const max = deps.maxRetryMs ?? 300_000;
  let current: ItopStatus | undefined;
  let delay = first;
  let timer: unknown;
  let stopped = false;

  const cancel = (): void => {
    if (timer !== undefined) timers.clear(timer);
    timer = undefined;
  };
  const schedule = (): void => {
    if (timer !== undefined || stopped) return;
    timer = timers.set(() => {
      timer = undefined;
      void deps.check();
    }, delay);
    delay = Math.min(delay * 2, max);
  };
  const settle = (status: ItopStatus): void => {
    if (stopped) return;
    current = status;
    deps.publish(status);
    if (isUp(status)) {
      delay = first;
      cancel();
    } else if (status.state !== 'not-configured') schedule(); // nothing to retry without settings
  };

  return {
    checked: settle,
    observe(info) {
      if (stopped) return;
      if (info.outcome === 'ok') {
        if (!isUp(current)) void deps.check();
        return;
      }
      const down: ItopStatus | undefined =
        info.outcome === 'network' || info.outcome === 'timeout'
          ? { state: 'unreachable', url: deps.url, message: info.outcome === 'timeout' ? `iTop did not answer ${info.operation} in time.` : `iTop cannot be reached (${info.operation} failed: network error).` }
          : info.outcome === 'itop' && info.itopCode === 1
            ? { state: 'login-refused', url: deps.url, message: 'iTop refused the login: check the user name and password, or the token.' }
            : undefined;
      if (!down) return;
      // Same state again: keep the message the full check gave, just make sure a re-check is coming.
      if (current?.state === down.state) return schedule();
      settle(down);
    },
    stop() {
      stopped = true;
      cancel();
    },
  };
}
