import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_USERS } from '../../../e2e/itop-sim/credentials';
import { startSimulator, type RunningSimulator } from '../../../e2e/itop-sim/spawn';
import { createItopClient, type ItopClient } from '../itop';

/**
 * Issue 13, "every call logged exactly once": the companion core runs in a child process and is SIGKILLed at
 * most 50 ms after each hang-up (inbound: after the agent logs the call from the panel) while iTop is down,
 * then restarted for the next call; once iTop is back, each call is exactly one PhoneCall (never a private-log
 * note). Real processes, real files, a real simulator; one kill per call (no batching).
 */
const CALLS = Number(process.env.KILL_CALLS ?? 100);
const KILL_DEADLINE_MS = Number(process.env.KILL_DEADLINE_MS ?? 50);
const TICKET = '8';
const TOKEN = 'kill-test-token-0123456789abcdef';
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '../../..');

interface Child {
  readonly process: ChildProcess;
  readonly port: number;
  /** Pending writes in the outbox when this process started (what earlier processes queued and kept). */
  readonly initial: number;
  /** The pending count the companion last reported. */
  lastPending(): number;
  /** Resolves with the first outbox report (pending count) that passes `test`. */
  pending(test: (pending: number) => boolean): Promise<number>;
  ask(command: Record<string, unknown>): Promise<unknown>;
  /** Resolves when the companion received command `id` (ask numbers them 1, 2, …) and ran what it starts at once. */
  received(id: number): Promise<void>;
  kill(): Promise<void>;
}

let bundle = '';
let sim: RunningSimulator | undefined;
let simPort = 0;
let dataDir = '';
/** early: the companion had already reported the call queued when it was killed; deadline: not yet. */
const kills = { early: 0, deadline: 0, worstMs: 0 };
const refusals: string[] = [];

async function startChild(itopUrl: string): Promise<Child> {
  const child = fork(bundle, [JSON.stringify({ itopUrl, dataDir, token: TOKEN, login: SIM_USERS.cti.login, password: SIM_USERS.cti.password })], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let last = -1;
  const watchers = new Set<() => void>();
  const replies = new Map<number, (value: unknown) => void>();
  const receipts = new Map<number, () => void>();
  const receivedIds = new Set<number>();
  let next = 0;
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the companion exited (${code}) before it was ready`)));
    child.on('message', (raw) => {
      const m = raw as { ready?: number; outbox?: { pending: number }; reply?: number; received?: number; ok?: boolean; result?: unknown; error?: string };
      if (m.received !== undefined) {
        receivedIds.add(m.received);
        receipts.get(m.received)?.();
      }
      if (m.ready !== undefined) resolve(m.ready);
      if (m.outbox) {
        last = m.outbox.pending;
        for (const w of [...watchers]) w();
      }
      if (m.reply !== undefined) {
        if (!m.ok) refusals.push(String(m.error));
        replies.get(m.reply)?.(m.ok ? m.result : new Error(m.error));
      }
    });
  });
  const pending = (test: (pending: number) => boolean) => new Promise<number>((resolve) => {
    const check = () => {
      if (last < 0 || !test(last)) return;
      watchers.delete(check);
      resolve(last);
    };
    watchers.add(check);
    check();
  });
  const initial = await pending(() => true);
  return {
    process: child,
    port,
    initial,
    lastPending: () => last,
    pending,
    received: (id) => new Promise((resolve) => {
      if (receivedIds.has(id)) resolve();
      else receipts.set(id, resolve);
    }),
    ask: (command) => new Promise((resolve) => {
      next += 1;
      replies.set(next, resolve);
      child.send({ ...command, id: next });
    }),
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

async function events(port: number, list: Record<string, unknown>[]): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${port}/events`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify(list) });
  if (!res.ok) throw new Error(`intake refused the events: ${res.status} ${await res.text()}`);
}

/**
 * SIGKILL `delayMs` (0-50) after the companion took the hang-up (its reply to the bridge) or the agent's "log"
 * (its receipt of the request): at once, or while the main file is being saved, or later.
 */
async function killAfter(child: Child, since: number, delayMs: number): Promise<void> {
  const wait = since + delayMs - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const onDisk = child.lastPending() > child.initial;
  await child.kill();
  kills[onDisk ? 'early' : 'deadline'] += 1;
  kills.worstMs = Math.max(kills.worstMs, Date.now() - since);
}

/** Spread over 0-50 ms, the same on every run. */
const delayOf = (i: number): number => (i * 17) % (KILL_DEADLINE_MS + 1);

const number = (i: number): string => `+3319900${String(i).padStart(4, '0')}`;

async function phoneCalls(itop: ItopClient): Promise<{ flow: string; note: string }[]> {
  const r = await itop.get({ class: 'PhoneCall', key: `SELECT PhoneCall WHERE ticket_id = ${TICKET}`, outputFields: ['flow', 'note'] });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.objects.map((o) => ({ flow: String(o.fields.flow), note: String(o.fields.note) }));
}

describe('every call logged exactly once across crashes while iTop is down', () => {
  let itop: ItopClient;
  let before: { flow: string; note: string }[] = [];
  beforeAll(async () => {
    // The core as one CommonJS file, so each of the 2 × CALLS restarts costs a Node start (~0.4 s), not a
    // TypeScript compile and the resolution of hundreds of ES modules (~1.3 s).
    bundle = join(ROOT, '.tmp', `kill-child-${process.pid}.cjs`);
    await build({
      entryPoints: [join(HERE, 'testing/kill-child.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundle, logLevel: 'error',
      external: ['bufferutil', 'utf-8-validate'], // optional native speed-ups of ws
    });
    dataDir = await mkdtemp(join(tmpdir(), 'cti-kill-'));
    sim = await startSimulator();
    simPort = sim.port;
    itop = createItopClient({ url: sim.url, auth: { kind: 'password', user: SIM_USERS.cti.login, password: SIM_USERS.cti.password } });
    before = await phoneCalls(itop);
    await sim.stop(); // iTop is down: connections are refused
    sim = undefined;
  });
  afterAll(async () => {
    await sim?.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(bundle, { force: true });
    if (refusals.length > 0) console.info(`kill test: the companion refused ${refusals.length} commands: ${[...new Set(refusals)].join(' | ')}`);
    console.info(`kill test: ${kills.early + kills.deadline} SIGKILLs 0-${KILL_DEADLINE_MS} ms after the companion took the hang-up or the log request (${kills.deadline} before it had even reported the call queued); latest ${kills.worstMs} ms`);
  });

  it(`${CALLS} inbound calls logged from the panel and ${CALLS} outbound calls, each followed by a SIGKILL, give exactly ${CALLS} PhoneCalls of each flow`, async () => {
    const url = `http://127.0.0.1:${simPort}/webservices/rest.php`;
    for (let i = 0; i < CALLS; i += 1) {
      const child = await startChild(url);
      const callId = `kill-in-${i}`;
      const base = { callId, from: number(i), to: '201', direction: 'inbound' };
      await events(child.port, [{ ...base, event: 'ringing' }, { ...base, event: 'answered' }, { ...base, event: 'hangup' }]);
      // The agent logs the call from the panel right after the hang-up.
      void child.ask({ kind: 'log', callId, ticketId: TICKET, note: `kill-test inbound ${i}` });
      await child.received(1);
      await killAfter(child, Date.now(), delayOf(i));
    }
    for (let j = 0; j < CALLS; j += 1) {
      const child = await startChild(url);
      const dialed = (await child.ask({ kind: 'dial', number: number(CALLS + j), ticketId: TICKET })) as { callId?: string };
      await child.received(1);
      expect(dialed.callId).toMatch(/^dial-/);
      const base = { callId: `pbx-out-${j}`, from: '201', to: number(CALLS + j), direction: 'outbound' };
      await events(child.port, [{ ...base, event: 'outgoing' }, { ...base, event: 'answered' }]);
      await events(child.port, [{ ...base, event: 'hangup' }]);
      await killAfter(child, Date.now(), delayOf(j));
    }

    sim = await startSimulator({ port: simPort }); // iTop is back, at the same URL
    const last = await startChild(url);
    await last.ask({ kind: 'retry' });
    await last.received(1);
    await last.pending((p) => p === 0);
    await last.kill();

    const added = (await phoneCalls(itop)).slice(before.length);
    const inbound = added.filter((c) => c.flow === 'inbound');
    const outbound = added.filter((c) => c.flow === 'outbound');
    expect(refusals, 'the companion refused none of the panel\'s requests').toEqual([]);
    expect([inbound.length, outbound.length]).toEqual([CALLS, CALLS]);
    expect(new Set(inbound.map((c) => /kill-test inbound (\d+)/.exec(c.note)?.[1])).size).toBe(CALLS);
    expect(new Set(outbound.map((c) => /Outbound call to (\+\d+)/.exec(c.note)?.[1])).size).toBe(CALLS);
    const ticket = await itop.get({ class: 'UserRequest', key: Number(TICKET), outputFields: ['private_log'] });
    const notes = ticket.ok ? ((ticket.value.objects[0]?.fields.private_log as { entries: { message: string }[] }).entries ?? []) : [];
    expect(notes.filter((e) => e.message.includes('[Phone call'))).toEqual([]);
  }, 600_000);
});
