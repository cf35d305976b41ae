import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_USERS } from '../../../e2e/itop-sim/credentials';
import { startSimulator, type RunningSimulator } from '../../../e2e/itop-sim/spawn';
import { bindOql } from '../../../shared/oql/bind';
import { createItopClient } from '../itop';
import type { WorkerOptions } from './testing/outbox-worker';

const HERE = dirname(fileURLToPath(import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const CALLS = 100;
const TICKET_EVERY = 10;

interface Worker {
  child: ChildProcess;
  /** Resolves when a stdout line matches. */
  waitFor(test: (line: string) => boolean, what: string, timeoutMs?: number): Promise<void>;
  kill(): Promise<void>;
  stderr(): string;
  lines(): string[];
}

let adoptedSeen = 0;

function startWorker(options: WorkerOptions): Worker {
  const child = spawn(process.execPath, ['--import', TSX, join(HERE, 'testing', 'outbox-worker.ts'), JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  let buffer = '';
  const lines: string[] = [];
  const watchers = new Set<() => void>();
  child.stderr?.on('data', (c: Buffer) => void (err += c.toString('utf8')));
  child.stdout?.on('data', (c: Buffer) => {
    buffer += c.toString('utf8');
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
    for (const p of parts) adoptedSeen = Math.max(adoptedSeen, Number(/^status \d+ \d+ \d+ (\d+)$/.exec(p)?.[1] ?? 0));
    for (const w of [...watchers]) w();
  });
  return {
    child,
    waitFor: (test, what, timeoutMs = 40_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`worker never printed ${what}; stderr:\n${err}\nlast lines: ${lines.slice(-5).join(' | ')}`)), timeoutMs);
        const onExit = (): void => finish(new Error(`worker exited before ${what}; stderr:\n${err}`));
        const check = (): void => {
          if (lines.some(test)) finish();
        };
        function finish(e?: Error): void {
          clearTimeout(timer);
          watchers.delete(check);
          child.off('exit', onExit);
          if (e) reject(e);
          else resolve();
        }
        watchers.add(check);
        child.once('exit', onExit);
        check();
      }),
    kill: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
    stderr: () => err,
    lines: () => [...lines],
  };
}

let sim: RunningSimulator;
let dir: string;
beforeAll(async () => {
  sim = await startSimulator({});
  dir = await mkdtemp(join(tmpdir(), 'outbox-chaos-'));
});
afterAll(async () => {
  await sim?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('outbox chaos', () => {
  it('logs exactly 100 calls through outages, slow replies and two kills of the process', { timeout: 60_000 }, async () => {
    const runId = `r${Date.now().toString(36)}`;
    const base: WorkerOptions = {
      file: join(dir, 'outbox.json'), url: sim.url, user: SIM_USERS.cti.login, password: SIM_USERS.cti.password, runId,
      from: 1, to: CALLS, gapMs: 8, ticketId: 1, ticketEvery: TICKET_EVERY, timeoutMs: 200, graceMs: 450,
    };
    // iTop misbehaves in turns: down, HTTP 500, hanging, slower than our timeout (the create lands after we
    // gave up: only the marker check prevents a duplicate), and healthy.
    const phases: (() => Promise<unknown>)[] = [
      () => sim.control.setFault('down'),
      () => sim.control.setFault('none'),
      () => sim.control.setFault('http500'),
      () => sim.control.setLatency(300, 0),
      () => sim.control.setFault('none').then(() => sim.control.setLatency(0, 0)),
      () => sim.control.setFault('hang'),
      () => sim.control.setFault('none'),
      () => sim.control.setLatency(120, 200),
      () => sim.control.setLatency(300, 0),
      () => sim.control.setLatency(0, 0),
    ];
    let phase = 0;
    let toggling = true;
    const toggler = (async () => {
      while (toggling) {
        await phases[phase % phases.length]?.();
        phase += 1;
        await new Promise((r) => setTimeout(r, 150));
      }
    })();

    // Run 1: killed once 40 calls are queued (some sent, some in flight, some still waiting).
    let w = startWorker(base);
    await w.waitFor((l) => l === 'enqueued 40', '"enqueued 40"');
    await w.kill();

    // Run 2: the agent goes on logging calls; killed again mid-way. Call 40 is queued again on purpose: the
    // idempotency key must make it a no-op.
    w = startWorker({ ...base, from: 40, to: 75 });
    await w.waitFor((l) => l === 'enqueued 75', '"enqueued 75"');
    await w.kill();

    // Run 3: the last calls, then iTop recovers for good.
    w = startWorker({ ...base, from: 75, to: CALLS });
    await w.waitFor((l) => l === `enqueued ${CALLS}`, `"enqueued ${CALLS}"`);
    toggling = false;
    await toggler;
    await sim.control.reset();
    await w.waitFor((l) => l === 'idle', '"idle"');
    await w.kill();
    expect(w.stderr()).not.toMatch(/refused/);
    if (process.env.CHAOS_VERBOSE) console.log(`adopted (max seen in one run): ${adoptedSeen}`);

    const client = createItopClient({ url: sim.url, auth: { kind: 'password', user: SIM_USERS.cti.login, password: SIM_USERS.cti.password } });
    const calls = bindOql('SELECT PhoneCall WHERE note LIKE :run', { run: { like: `chaos ${runId} call `, anywhere: true } });
    if (!calls.ok) throw new Error(calls.error.message);
    const found = await client.get({ class: 'PhoneCall', key: calls.value, outputFields: ['note', 'ticket_id'] });
    if (!found.ok) throw new Error(JSON.stringify(found.error));
    expect(found.value.total).toBe(CALLS);
    const numbers = found.value.objects.map((o) => Number(/call (\d+)/.exec(String(o.fields.note))?.[1]));
    expect(new Set(numbers).size).toBe(CALLS);
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: CALLS }, (_, i) => i + 1));

    const tickets = bindOql('SELECT UserRequest WHERE title LIKE :run', { run: { like: `Chaos ${runId} call `, anywhere: true } });
    if (!tickets.ok) throw new Error(tickets.error.message);
    const created = await client.get({ class: 'UserRequest', key: tickets.value, outputFields: ['id', 'title', 'description', 'private_log'] });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    expect(created.value.total).toBe(CALLS / TICKET_EVERY);
    // Found again by the private-log marker after crashes, never by a marker in what the caller reads.
    for (const t of created.value.objects) {
      expect(String(t.fields.description)).not.toContain('[cti:');
      expect((t.fields.private_log as { entries: { message: string }[] }).entries.map((e) => e.message)).toEqual([expect.stringMatching(/^Created from call \d+\n\n\[cti:[0-9a-f-]+\]$/)]);
    }
    // Each ticket's PhoneCall points at that very ticket.
    for (const t of created.value.objects) {
      const n = Number(/call (\d+)/.exec(String(t.fields.title))?.[1]);
      const call = found.value.objects.find((o) => String(o.fields.note).startsWith(`chaos ${runId} call ${n}\n`) || String(o.fields.note) === `chaos ${runId} call ${n}`);
      expect(call?.fields.ticket_id).toBe(t.key);
    }
  });
});
