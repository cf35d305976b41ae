import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_USERS } from '../../../e2e/itop-sim/credentials';
import { startSimulator, type RunningSimulator } from '../../../e2e/itop-sim/spawn';
import { validateConfig } from '../../../shared/config';
import type { AppStatus } from '../../../shared/contract/views';
import { silentLog } from '../intake/log';
import { createCompanion } from './companion';
import type { RecheckTimers } from './itop-health';

/** Re-checks fired by hand: the test decides when "30 s later" is, no wall-clock waits. */
function manualTimers() {
  const due = new Map<number, { callback: () => void; ms: number }>();
  let next = 0;
  const timers: RecheckTimers = {
    set: (callback, ms) => (due.set(++next, { callback, ms }), next),
    clear: (handle) => void due.delete(handle as number),
  };
  const fire = (): number | undefined => {
    const first = [...due][0];
    if (!first) return undefined;
    due.delete(first[0]);
    first[1].callback();
    return first[1].ms;
  };
  return { timers, fire, pending: () => due.size };
}

describe('iTop status follows real requests (simulator process)', () => {
  let sim: RunningSimulator;
  let dataDir: string;
  let companion: ReturnType<typeof createCompanion>;
  const clock = manualTimers();
  const seen: AppStatus['itop'][] = [];
  const waiters: Array<() => void> = [];
  const waitFor = (state: string): Promise<void> =>
    new Promise((resolve) => {
      const check = () => seen.at(-1)?.state === state && (resolve(), true);
      if (!check()) waiters.push(() => void check());
    });

  beforeAll(async () => {
    sim = await startSimulator({ latencyMs: 0 });
    dataDir = await mkdtemp(join(tmpdir(), 'itop-health-'));
    const { config } = validateConfig({ itop: { url: sim.url, auth: 'password', user: SIM_USERS.cti.login, password: SIM_USERS.cti.password }, cti: { token: 't'.repeat(32) } }, {});
    companion = createCompanion({ config, dataDir, log: silentLog, intakePort: 0, language: 'en', timers: clock.timers, recheck: { firstRetryMs: 1000, maxRetryMs: 4000 } });
    companion.onEvent((channel, payload) => {
      if (channel !== 'status:changed') return;
      const itop = (payload as AppStatus).itop;
      if (seen.at(-1)?.state !== itop.state || seen.at(-1)?.message !== itop.message) seen.push(itop);
      for (const w of [...waiters]) w();
    });
    const connected = waitFor('connected');
    await companion.start();
    await connected;
  }, 60_000);
  afterAll(async () => {
    await companion?.stop();
    await sim?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('turns unreachable when a real request fails, re-checks with backoff, and reconnects after reset', async () => {
    expect(clock.pending()).toBe(0); // connected: nothing scheduled
    await sim.control.setFault('down');
    const down = waitFor('unreachable');
    await companion.handlers['call:simulate']({ number: '+33 1 23 45 67 89' }); // its lookup hits iTop
    await down;
    expect(seen.at(-1)?.message).toMatch(/cannot be reached|did not answer/);
    expect(clock.pending()).toBe(1);

    // Still down: the re-check fails and the next one waits twice as long.
    const checkedAgain = new Promise<void>((resolve) => waiters.push(resolve));
    expect(clock.fire()).toBe(1000);
    await checkedAgain;
    expect(seen.at(-1)?.state).toBe('unreachable');
    expect(clock.pending()).toBe(1);

    await sim.control.reset();
    const back = waitFor('connected');
    expect(clock.fire()).toBe(2000);
    await back;
    expect(seen.at(-1)?.identity?.name).toBeTruthy();
    expect(clock.pending()).toBe(0);
  });
});
