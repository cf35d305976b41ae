import { describe, expect, it } from 'vitest';
import type { ItopStatus } from './connection-check';
import { createItopHealth, type RecheckTimers } from './itop-health';

function rig(answer: () => ItopStatus) {
  const due: { callback: () => void; ms: number }[] = [];
  const timers: RecheckTimers = { set: (callback, ms) => (due.push({ callback, ms }), due.length), clear: () => void due.splice(0) };
  const published: ItopStatus[] = [];
  let checks = 0;
  const health = createItopHealth({
    url: 'https://itop.example/',
    check: async () => {
      checks += 1;
      health.checked(answer());
    },
    publish: (s) => void published.push(s),
    timers,
    firstRetryMs: 100,
    maxRetryMs: 300,
  });
  const fire = async (): Promise<number | undefined> => {
    const next = due.shift();
    next?.callback();
    await Promise.resolve();
    return next?.ms;
  };
  return { health, published, due, fire, checks: () => checks };
}

const connected: ItopStatus = { state: 'connected', url: 'https://itop.example/' };
const unreachable: ItopStatus = { state: 'unreachable', url: 'https://itop.example/', message: 'down' };

describe('createItopHealth', () => {
  it('reads iTop code 1 on any request as "login refused" and a timeout as "unreachable"', () => {
    const { health, published } = rig(() => connected);
    health.checked(connected);
    health.observe({ operation: 'core/get', durationMs: 3, outcome: 'itop', itopCode: 1 });
    expect(published.at(-1)?.state).toBe('login-refused');
    health.observe({ operation: 'core/get', durationMs: 3, outcome: 'timeout' });
    expect(published.at(-1)?.state).toBe('unreachable');
  });

  it('ignores failures that are not about the connection (HTTP 500, other iTop codes)', () => {
    const { health, published } = rig(() => connected);
    health.checked(connected);
    health.observe({ operation: 'core/get', durationMs: 3, outcome: 'http', httpStatus: 500 });
    health.observe({ operation: 'core/get', durationMs: 3, outcome: 'itop', itopCode: 100 });
    expect(published).toEqual([connected]);
  });

  it('re-checks with doubling delays up to the cap, and stops once connected', async () => {
    let answer = unreachable;
    const { health, published, due, fire } = rig(() => answer);
    health.checked(unreachable);
    expect(await fire()).toBe(100);
    expect(await fire()).toBe(200);
    expect(await fire()).toBe(300);
    answer = connected;
    expect(await fire()).toBe(300);
    expect(published.at(-1)).toEqual(connected);
    expect(due).toHaveLength(0);
    health.observe({ operation: 'core/get', durationMs: 3, outcome: 'network' });
    expect(due[0]?.ms).toBe(100); // backoff starts over after a success
  });

  it('asks for a full check when a request succeeds while not connected, and never retries "not configured"', () => {
    const { health, due, checks } = rig(() => connected);
    health.checked({ state: 'not-configured', url: '' });
    expect(due).toHaveLength(0);
    health.observe({ operation: 'core/get', durationMs: 3, outcome: 'ok' });
    expect(checks()).toBe(1);
    health.observe({ operation: 'core/get', durationMs: 3, outcome: 'ok' });
    expect(checks()).toBe(1);
  });

  it('does nothing after stop', () => {
    const { health, published, due } = rig(() => connected);
    health.stop();
    health.observe({ operation: 'core/get', durationMs: 3, outcome: 'network' });
    expect([published, due]).toEqual([[], []]);
  });
});
