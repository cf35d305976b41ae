import { copyFile, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { validateConfig, type AppConfig } from '../../shared/config';
import { normalizeIncoming, type ExternalNumber } from '../../shared/phone';
import { createLookupKit, type LookupKit } from '../../electron/core/app/lookup-kit';
import { createItopClient } from '../../electron/core/itop';
import { startSimulator } from '../itop-sim/spawn';
import { createMeteredItop, type Meter, type MeteredItop } from './index-load-fetch';
import { createVirtualClock } from './virtual-clock';

/**
 * `npm run bench -- index-load`: the phone index at contact-centre scale, with the REAL index service.
 * 1. One agent with the whole directory: a full download (today's scheme, measured), the file on disk, load
 *    time and heap after a restart, and how soon after start a caller is identified (confirmed).
 * 2. The load model: N agents against ONE simulator over a compressed working day on a virtual clock.
 */
const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
const AGENTS = Number(process.env.BENCH_INDEX_AGENTS ?? 500);
const HOURS = Number(process.env.BENCH_INDEX_HOURS ?? 8);
const CALLS_PER_HOUR = 20;
const CHANGED_PER_DAY = 0.005;
/** Persons who call during the day (shared by all agents), and the share of the rest each agent keeps in memory. */
const CALLERS = Number(process.env.BENCH_INDEX_CALLERS ?? 300);
const SHARE = 1000;
/** Agents in the same group keep the same Persons: yesterday's index file is built once per group and copied. */
const GROUPS = 20;
/** One agent in this many makes its calls through the real lookup and lists; the others' calls are counted with their measured averages. */
const CALL_SAMPLE = Number(process.env.BENCH_INDEX_CALL_SAMPLE ?? 10);
const MIN = 60_000;

const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;

function gcNow(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

interface Caller {
  readonly id: number;
  readonly raw: string;
}

export async function runIndexLoadBench(): Promise<void> {
  const wallStart = performance.now();
  console.log(`starting the simulator: ${PERSONS} persons…`);
  const sim = await startSimulator({ persons: PERSONS, startTimeoutMs: 180_000, noPhoneCall: false });
  const root = await mkdtemp(join(tmpdir(), 'cti-index-load-'));
  try {
    const config = validateConfig({ itop: { url: sim.baseUrl, user: 'cti', password: 'cti-password', timeoutMs: 120_000 }, cti: { token: 'b'.repeat(32) } }, { agentTimeZone: 'Europe/Paris' }).config;
    const metered = createMeteredItop();
    const { callers, allIds } = await oneFullAgent(config, metered, join(root, 'full'));
    await loadModel(config, metered, root, callers, allIds, sim.baseUrl);
  } finally {
    await sim.stop();
    await rm(root, { recursive: true, force: true });
  }
  console.log(`index-load: wall time ${((performance.now() - wallStart) / 1000).toFixed(0)} s`);
}

/** Part 1: the whole directory in one agent, built, saved, loaded again. */
async function oneFullAgent(config: AppConfig, metered: MeteredItop, dataDir: string): Promise<{ callers: Caller[]; allIds: number[] }> {
  const all = () => true;
  const builtHeap = await heapOfBuiltIndex(config, `${dataDir}-plain`);
  const kit = createLookupKit({ config, language: 'en', now: () => Date.now(), dataDir, fetch: metered.fetchFor(all) });
  metered.reset();
  const built = await buildWithRetry(kit);
  const { upkeep, upkeepBytes } = totals(metered.meter);
  console.log(`index-load: full download (today's scheme, measured): ${upkeep} requests, ${mb(upkeepBytes)}, ${((built.buildMs ?? 0) / 1000).toFixed(1)} s; ${built.persons} persons, ${built.numbers} numbers; heap kept by an index built from iTop ≈ ${mb(builtHeap)} (target ≤ 60 MB)`);
  FULL = { requests: upkeep, bytes: upkeepBytes };
  const pick = rng(7);
  const records = [...(kit.index.current()?.records() ?? [])];
  const allIds = records.map((p) => Number(p.id));
  const callers: Caller[] = [];
  while (callers.length < CALLERS) {
    const p = records[Math.floor(pick() * records.length)];
    const raw = p?.phones[0]?.raw;
    const hits = p && raw && !p.inactive ? (kit.index.current()?.find((normalizeIncoming(raw, kit.phone) as ExternalNumber).e164 ?? '') ?? []) : [];
    // A customer's own number (a switchboard shared by hundreds would not say much about identification).
    if (p && raw && hits.length <= 3 && hits.some((h) => h.person.id === p.id && h.confidence === 'confirmed')) callers.push({ id: Number(p.id), raw });
  }
  await kit.index.stop();
  const [file] = (await readdir(dataDir)).filter((f) => f.startsWith('phone-index-'));
  const size = (await stat(join(dataDir, file ?? ''))).size;

  gcNow();
  const heapBefore = process.memoryUsage().heapUsed;
  const buffersBefore = process.memoryUsage().arrayBuffers;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const again = createLookupKit({ config, language: 'en', now: () => Date.now(), dataDir, fetch: metered.fetchFor(all) });
  await again.index.start();
  const loadMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const loadCpuMs = (cpu.user + cpu.system) / 1000;
  const caller = callers[0] as Caller;
  const number = normalizeIncoming(caller.raw, again.phone) as ExternalNumber;
  const outcome = again.callers.lookup({ raw: caller.raw, number });
  const firstMs = performance.now() - t0;
  const confirmed = outcome.immediate?.matches.some((m) => m.personId === String(caller.id) && m.confidence === 'confirmed') ?? false;
  await outcome.recheck;
  const checkedMs = performance.now() - t0;
  gcNow();
  const heap = process.memoryUsage().heapUsed - heapBefore;
  // The saved lines and packed keys are used in place: file bytes outside the JS heap, counted apart.
  const buffers = process.memoryUsage().arrayBuffers - buffersBefore;
  const s = again.index.status();
  await again.index.stop();
  // A second start in the same process: the first one also pays for compiling the code (a real start does too).
  const t1 = performance.now();
  const third = createLookupKit({ config, language: 'en', now: () => Date.now(), dataDir, fetch: metered.fetchFor(all) });
  await third.index.start();
  const warmMs = performance.now() - t1;
  await third.index.stop();
  console.log(`index-load: on disk ${mb(size)} for ${s.persons} persons / ${s.numbers} numbers; load from disk ${loadMs.toFixed(0)} ms wall, ${loadCpuMs.toFixed(0)} ms of CPU (again: ${warmMs.toFixed(0)} ms wall; target ≤ 1000); heap of the loaded index ≈ ${mb(heap)} (target ≤ 60 MB), plus ${mb(buffers)} of file bytes outside the heap`);
  console.log(`index-load: first identification after start: ${firstMs.toFixed(0)} ms, ${confirmed ? 'confirmed' : 'NOT confirmed'} (target ≤ 1000), re-checked with iTop by ${checkedMs.toFixed(0)} ms`);
  console.log(`index-load: (machine: ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)} while measuring: times scale with it)`);
  return { callers, allIds };
}

let FULL = { requests: 0, bytes: 0 };

/** A build over plain HTTP (the metered fetch keeps answers for the load model): the heap it keeps, after GC. */
async function heapOfBuiltIndex(config: AppConfig, dataDir: string): Promise<number> {
  gcNow();
  const before = process.memoryUsage().heapUsed;
  const kit = createLookupKit({ config, language: 'en', now: () => Date.now(), dataDir });
  await buildWithRetry(kit);
  await kit.index.stop();
  gcNow();
  const kept = process.memoryUsage().heapUsed - before;
  if (!kit.index.current()) throw new Error('the plain build left no index');
  await rm(dataDir, { recursive: true, force: true });
  return kept;
}

/** A loaded machine sometimes resets a kept-alive connection mid-download; the product retries at its next step. */
async function buildWithRetry(kit: LookupKit) {
  for (let attempt = 1; ; attempt += 1) {
    const built = await kit.index.rebuild();
    if (built.ok) return built.value;
    if (attempt === 3) throw new Error(built.error);
    console.log(`index-load: (full download failed, retrying: ${built.error})`);
  }
}

function totals(meter: Meter) {
  let upkeep = 0;
  let call = 0;
  let upkeepBytes = 0;
  let callBytes = 0;
  let maxUpkeep = 0;
  let maxTotal = 0;
  for (const m of meter.minutes.values()) {
    upkeep += m.upkeep;
    call += m.call;
    upkeepBytes += m.upkeepBytes;
    callBytes += m.callBytes;
    maxUpkeep = Math.max(maxUpkeep, m.upkeep);
    maxTotal = Math.max(maxTotal, m.upkeep + m.call);
  }
  return { upkeep, call, upkeepBytes, callBytes, maxUpkeep, maxTotal };
}

/** Part 2: N agents, each the real lookup kit (index service, caller lookup, lists) on its own data folder. */
async function loadModel(config: AppConfig, metered: MeteredItop, root: string, callers: readonly Caller[], allIds: readonly number[], baseUrl: string): Promise<void> {
  const pool = new Set(callers.map((c) => c.id));
  const random = rng(42);
  const keepFor = (agent: number) => (id: number) => pool.has(id) || id % SHARE === agent % GROUPS;
  const kitFor = (agent: number): LookupKit =>
    createLookupKit({ config, language: 'en', now: () => EPOCH + clock.now(), dataDir: join(root, `agent-${agent}`), fetch: metered.fetchFor(keepFor(agent)), timers: clock.timers, random });
  const clock = createVirtualClock();
  const EPOCH = Date.now();

  // Yesterday: every agent built its index once (answered from the first agent's pages), saved on its disk.
  const prepStart = performance.now();
  for (let agent = 0; agent < AGENTS; agent += 1) {
    const dir = join(root, `agent-${agent}`);
    if (agent >= GROUPS) {
      const model = join(root, `agent-${agent % GROUPS}`);
      await mkdir(dir, { recursive: true });
      for (const file of await readdir(model)) await copyFile(join(model, file), join(dir, file));
      continue;
    }
    const kit = kitFor(agent);
    await buildWithRetry(kit);
    await kit.index.stop();
  }
  console.log(`index-load: ${AGENTS} agents' index files prepared in ${((performance.now() - prepStart) / 1000).toFixed(0)} s (each keeps the ${CALLERS} callers + 1/${SHARE} of the directory in memory)`);

  metered.reset();
  const dayMs = HOURS * 60 * MIN;
  const kits = new Map<number, LookupKit>();
  const outcome = { calls: 0, confirmedAtOnce: 0, changedByCheck: 0, restarts: 0, changes: 0 };
  const real = { calls: 0, requests: 0, bytes: 0, confirmedAtOnce: 0 };
  const unsampled: number[] = [];
  for (let agent = 0; agent < AGENTS; agent += 1) {
    const startAt = random() * 30 * MIN; // a shift starting over half an hour
    clock.at(startAt, async () => {
      const kit = kitFor(agent);
      kits.set(agent, kit);
      await kit.index.start();
    });
    for (const at of [startAt + MIN + random() * (dayMs - startAt - 2 * MIN), startAt + MIN + random() * (dayMs - startAt - 2 * MIN)]) {
      clock.at(at, async () => {
        await kits.get(agent)?.index.stop();
        const kit = kitFor(agent); // restart = load from its own disk file
        kits.set(agent, kit);
        outcome.restarts += 1;
        await kit.index.start();
      });
    }
    const sampled = agent % CALL_SAMPLE === 0;
    const call = async (): Promise<void> => {
      const kit = kits.get(agent);
      const caller = callers[Math.floor(random() * callers.length)] as Caller;
      clock.at(clock.now() + -Math.log(1 - random()) * (60 / CALLS_PER_HOUR) * MIN, call);
      if (!kit) return;
      outcome.calls += 1;
      if (!sampled) return void unsampled.push(clock.now());
      const number = normalizeIncoming(caller.raw, kit.phone) as ExternalNumber;
      const found = kit.callers.lookup({ raw: caller.raw, number });
      if (found.immediate?.matches.some((m) => m.confidence === 'confirmed')) real.confirmedAtOnce += 1;
      const ids = (found.immediate?.matches ?? []).map((m) => m.personId);
      // The call-time check and the lists leave together, as in the call enricher.
      const [checked] = await Promise.all([found.recheck ?? found.pending, kit.lists.load(`c${outcome.calls}|${ids.join(',')}`, ids.slice(0, 1), kit.callers.placeholders({ raw: caller.raw, number }))]);
      const after = checked && 'matches' in checked ? checked : checked?.ok ? checked.value : undefined;
      if (after && JSON.stringify(after.matches.map((m) => [m.personId, m.inactive])) !== JSON.stringify(found.immediate?.matches.map((m) => [m.personId, m.inactive]))) outcome.changedByCheck += 1;
      real.calls += 1;
    };
    clock.at(startAt + random() * 3 * MIN, call);
  }
  scheduleChanges(clock, metered, baseUrl, allIds, pool, dayMs, random, () => void (outcome.changes += 1));

  const t0 = performance.now();
  await clock.runUntil(dayMs, () => metered.idle(), (now) => metered.setMinute(Math.floor(now / MIN)));
  for (const kit of kits.values()) await kit.index.stop();
  // Until here only the sampled agents' calls were counted (calls overlap, so they are averaged, not diffed).
  const measured = totals(metered.meter);
  real.requests = measured.call;
  real.bytes = measured.callBytes;
  // The other agents' calls: each counted in its own minute with the measured requests and bytes per real call.
  for (const at of unsampled) metered.count(Math.floor(at / MIN), 'call', real.requests / Math.max(1, real.calls), real.bytes / Math.max(1, real.calls));
  report(metered.meter, dayMs, { ...outcome, confirmedAtOnce: real.confirmedAtOnce, realCalls: real.calls }, (performance.now() - t0) / 1000);
  console.log(`index-load: calls of 1 agent in ${CALL_SAMPLE} ran through the real lookup and lists (${real.calls} calls, ${(real.requests / Math.max(1, real.calls)).toFixed(2)} requests and ${(real.bytes / Math.max(1, real.calls) / 1024).toFixed(1)} KB each); the others' calls are counted with those figures`);
}

/** 0.5 % of the Persons per day, spread over the day: numbers changed, Persons made inactive, deleted, created. */
function scheduleChanges(clock: ReturnType<typeof createVirtualClock>, metered: MeteredItop, baseUrl: string, allIds: readonly number[], pool: ReadonlySet<number>, dayMs: number, random: () => number, done: () => void): void {
  const admin = createItopClient({ url: baseUrl, auth: { kind: 'password', user: 'ctiadmin', password: 'ctiadmin-password' } });
  const callers = [...pool];
  const count = Math.round(PERSONS * CHANGED_PER_DAY * (HOURS / 24));
  for (let i = 0; i < count; i += 1) {
    clock.at(random() * dayMs, async () => {
      // A third among the day's callers, so call-time checks meet changed Persons too.
      const id = random() < 1 / 3 ? (callers[Math.floor(random() * callers.length)] ?? 1) : (allIds[Math.floor(random() * allIds.length)] ?? 1);
      const what = random();
      const phone = `+33 1 ${String(Math.floor(random() * 1e8)).padStart(8, '0').replace(/(\d\d)(?=\d)/g, '$1 ')}`;
      if (what < 0.1) {
        const created = await admin.create({ class: 'Person', fields: { name: `Nouveau ${i}`, first_name: 'Bench', org_id: 4, phone }, outputFields: ['id'] });
        if (created.ok) metered.changed(Number(created.value.key));
      } else if (what < 0.7) await admin.update({ class: 'Person', key: id, fields: { phone }, outputFields: ['id'] });
      else if (what < 0.85) await admin.update({ class: 'Person', key: id, fields: { status: 'inactive' }, outputFields: ['id'] });
      else await admin.delete({ class: 'Person', key: id });
      metered.changed(id);
      done();
    });
  }
}

function report(meter: Meter, dayMs: number, outcome: { calls: number; realCalls: number; confirmedAtOnce: number; changedByCheck: number; restarts: number; changes: number }, wallS: number): void {
  const t = totals(meter);
  const seconds = dayMs / 1000;
  const perS = (n: number) => (n / seconds).toFixed(2);
  console.log(`index-load: ${AGENTS} agents, ${HOURS} h working day in ${wallS.toFixed(0)} s (virtual clock), starts spread over 30 min, ${outcome.restarts} restarts from disk, ${outcome.calls} calls (${CALLS_PER_HOUR}/agent-hour), ${outcome.changes} Persons changed in iTop`);
  console.log(`index-load: index upkeep on iTop: ${perS(t.upkeep)} req/s on average (target ≤ 1), ${(t.maxUpkeep / 60).toFixed(2)} req/s in the busiest minute (target ≤ 5)`);
  console.log(`index-load: total on iTop (upkeep + calls: check by id and lists): ${perS(t.upkeep + t.call)} req/s on average, ${(t.maxTotal / 60).toFixed(2)} req/s in the busiest minute`);
  console.log(`index-load: bytes per agent-day (${HOURS} h): upkeep ${mb(t.upkeepBytes / AGENTS)}, calls ${mb(t.callBytes / AGENTS)}`);
  const builds = (HOURS * 60) / 15 + 1;
  console.log(`index-load: today's scheme (a full download at start and every 15 min, ${FULL.requests} requests / ${mb(FULL.bytes)} each, measured above): ${((AGENTS * FULL.requests * builds) / seconds).toFixed(2)} req/s, ${mb(FULL.bytes * builds)} per agent-day`);
  console.log(`index-load: real calls: ${outcome.confirmedAtOnce} of ${outcome.realCalls} confirmed from the index at once; the call-time check changed ${outcome.changedByCheck} (number changed, deleted or inactive)`);
  console.log(`index-load: ${meter.realRequests} requests really sent to the simulator, ${meter.servedFromMemo} answered with the real answer of an identical earlier request while none of its Persons changed (counted, bytes included)`);
}
