/** The simulator process as other tests use it: start, control endpoint, faults, stats, stop. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from './spawn';
import { rest } from './test-client';

describe('startSimulator', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ latencyMs: 0 });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('reports consistent URLs on loopback', () => {
    expect(sim.baseUrl).toBe(`http://127.0.0.1:${sim.port}`);
    expect(sim.url).toBe(`${sim.baseUrl}/webservices/rest.php`);
  });

  it('counts REST requests per operation, and resets the counters', async () => {
    await sim.control.resetStats();
    await rest(sim.url, { operation: 'list_operations' });
    await rest(sim.url, { operation: 'core/get', class: 'Person', key: 40, output_fields: 'id' });
    await rest(sim.url, { operation: 'core/get', class: 'Person', key: 41, output_fields: 'id' });
    expect(await sim.control.stats()).toEqual({ requests: 3, operations: { list_operations: 1, 'core/get': 2 } });
    expect((await sim.control.resetStats()).requests).toBe(0);
  });

  it('answers http500, PHP fatal pages (200 or 500), hangs and drops connections on demand', async () => {
    await sim.control.setFault('http500');
    expect((await rest(sim.url, { operation: 'list_operations' })).status).toBe(500);
    await sim.control.setFault('non-json');
    const fatal = await rest(sim.url, { operation: 'list_operations' });
    expect([fatal.status, fatal.json, fatal.text]).toEqual([200, undefined, expect.stringContaining('Fatal error')]);
    await sim.control.setFault('non-json', { nonJsonStatus: 500 });
    expect((await rest(sim.url, { operation: 'list_operations' })).status).toBe(500);
    await sim.control.setFault('down');
    await expect(rest(sim.url, { operation: 'list_operations' })).rejects.toThrow();
    await sim.control.setFault('hang');
    const hung = fetch(`${sim.url}?version=1.3`, { method: 'POST', body: 'json_data={}', signal: AbortSignal.timeout(300) });
    await expect(hung).rejects.toThrow();
    const state = await sim.control.reset();
    expect(state).toEqual({ latencyMs: 0, jitterMs: 0, fault: 'none', nonJsonStatus: 200 });
    expect((await rest(sim.url, { operation: 'list_operations' })).json?.code).toBe(0);
  });

  it('changes latency at run time and refuses invalid control updates with a reason', async () => {
    expect(await sim.control.setLatency(5, 2)).toMatchObject({ latencyMs: 5, jitterMs: 2 });
    expect((await rest(sim.url, { operation: 'list_operations' })).json?.code).toBe(0);
    const bad = await fetch(`${sim.baseUrl}/__sim/control`, { method: 'POST', body: JSON.stringify({ fault: 'explode' }) });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('invalid control update');
    expect(await sim.control.get()).toMatchObject({ latencyMs: 5, fault: 'none' });
    await sim.control.reset();
  });
});

describe('startSimulator failures and shutdown', () => {
  it('rejects with the simulator stderr when an option is invalid', async () => {
    await expect(startSimulator({ timezone: 'Mars/Olympus' })).rejects.toThrow(/--timezone expects an IANA timezone/);
  });

  it('stops the process: the port no longer answers', async () => {
    const sim = await startSimulator();
    await sim.stop();
    await expect(fetch(`${sim.baseUrl}/__sim/stats`)).rejects.toThrow();
    await sim.stop(); // idempotent
  });
});
