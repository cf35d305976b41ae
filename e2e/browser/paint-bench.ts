import { chromium, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startSimulator } from '../itop-sim/spawn';
import { startCompanionProcess } from './companion-process';
import { connectCtiBridge } from './cti-bridge-client';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Bytes (gzip) of the JavaScript index.html loads up front: entry scripts and module preloads. */
export async function initialJsGzipBytes(outDir = join(ROOT, 'out', 'renderer')): Promise<number> {
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  let total = 0;
  for (const ref of refs) total += gzipSync(await readFile(join(outDir, ref))).length;
  return total;
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

/**
 * Watches the panel and stamps, per call, the frame in which its number, its caller name and its finished
 * lists were first painted (time taken in requestAnimationFrame, i.e. the frame that shows the change).
 * Stamps use performance.timeOrigin + now(), comparable with the same clock in Node on one machine.
 * When both are stamped the page reports them through a CDP binding (`__painted`): the bench waits without
 * polling, which would wake the page's main thread every few ms and delay the very frames it measures.
 */
// Plain source text, not a function: tsx would decorate a function with helpers the page does not have.
const PAINT_MARKS_SCRIPT = `
  window.__marks = {};
  const stamp = (m, key) => requestAnimationFrame(() => { if (m[key] === undefined) m[key] = performance.timeOrigin + performance.now(); });
  new MutationObserver(() => {
    for (const card of document.querySelectorAll('article[data-call-id]')) {
      const m = (window.__marks[card.dataset.callId] ??= {});
      if (m.number === undefined) stamp(m, 'number');
      // "Name" = the caller lookup's outcome on screen; "lists" = no list still loading once callers are known.
      if (m.name === undefined && card.dataset.callersState === 'done') stamp(m, 'name');
      if (card.dataset.listsState === 'loading') m.loaded = true; // lists were asked from iTop (not a shared number)
      if (m.lists === undefined && card.dataset.callersState === 'done' && card.dataset.listsState === 'done') stamp(m, 'lists');
      if (!m.reported) requestAnimationFrame(() => {
        if (m.reported || m.name === undefined || m.lists === undefined) return;
        m.reported = true;
        window.__painted(card.dataset.callId, { name: m.name, lists: m.lists, loaded: m.loaded === true });
      });
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
`;

type Marks = { name: number; lists: number; loaded: boolean };

/** Installs the stamps; `painted(callId)` resolves with that call's marks once both are on screen. */
async function installPaintMarks(page: Page): Promise<(callId: string, timeoutMs: number) => Promise<Marks | undefined>> {
  const seen = new Map<string, Marks>();
  const waiting = new Map<string, (marks: Marks) => void>();
  await page.exposeBinding('__painted', (_source, callId: string, marks: Marks) => {
    seen.set(callId, marks);
    waiting.get(callId)?.(marks);
  });
  await page.evaluate(PAINT_MARKS_SCRIPT);
  return (callId, timeoutMs) =>
    new Promise((resolve) => {
      const known = seen.get(callId);
      if (known) return resolve(known);
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      waiting.set(callId, (marks) => (clearTimeout(timer), resolve(marks)));
    });
}

/** iTop REST core/get through the simulator: phones of generated persons, as a PBX would send them. */
async function samplePhones(restUrl: string, count: number): Promise<string[]> {
  const body = new URLSearchParams({
    version: '1.3',
    auth_user: 'cti',
    auth_pwd: 'cti-password',
    json_data: JSON.stringify({ operation: 'core/get', class: 'Person', key: "SELECT Person WHERE phone LIKE '+%'", output_fields: 'phone', limit: count, page: 37 }),
  });
  const res = (await (await fetch(restUrl, { method: 'POST', body })).json()) as { objects?: Record<string, { fields: { phone: string } }> };
  return Object.values(res.objects ?? {}).map((o) => o.fields.phone);
}

export interface PaintBench {
  initialJsGzipBytes: number;
  /** Calls in the percentiles (the warm-up calls before them are not). */
  calls: number;
  /** The very first call after start (cold code paths in the core, the simulator and the page), on its own. */
  firstCall: { name: number; lists: number };
  name: { p50: number; p95: number };
  lists: { p50: number; p95: number };
  /** The same, over the calls whose lists were asked from iTop (a shared number selects nobody: no lists). */
  listsLoaded: { calls: number; p50: number; p95: number };
  /** Per call, in order (ms): to spot warm-up or a stall behind another task. */
  samples: { name: number[]; lists: number[] };
}

/**
 * Web mode in Chromium against the simulator (default 100k persons, 150 ms RTT): event → painted. The first
 * `warmup` calls run the same way but stay out of the percentiles (steady state, as agents live it all day);
 * the first of them is reported on its own so a slow cold start cannot hide.
 */
export async function benchBrowserPaint(o: { persons?: number; latencyMs?: number; calls?: number; warmup?: number } = {}): Promise<PaintBench> {
  const warmup = o.warmup ?? 5;
  const sim = await startSimulator({ persons: o.persons ?? 100_000, latencyMs: o.latencyMs ?? 150, startTimeoutMs: 180_000 });
  const dir = await mkdtemp(join(tmpdir(), 'cti-paint-'));
  const token = randomBytes(24).toString('hex');
  const ctiPort = 20_000 + Math.floor(Math.random() * 20_000);
  await writeFile(join(dir, 'config.json'), JSON.stringify({ itop: { url: sim.baseUrl, user: 'cti', password: 'cti-password', timeoutMs: 60_000 }, cti: { port: ctiPort, token }, ui: { language: 'en' } }));
  const companion = await startCompanionProcess({ config: join(dir, 'config.json'), dataDir: join(dir, 'data'), timeoutMs: 120_000 });
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
    await page.goto(companion.url);
    await page.waitForSelector('[data-index-built-at]:not([data-index-built-at=""])', { timeout: 170_000 });
    const painted = await installPaintMarks(page);
    const cti = await connectCtiBridge(ctiPort, token);
    const numbers = await samplePhones(sim.url, warmup + (o.calls ?? 40));
    const nameTimes: number[] = [];
    const listTimes: number[] = [];
    const loadedTimes: number[] = [];
    for (const [i, number] of numbers.entries()) {
      const id = `paint-${i}`;
      const sentAt = performance.timeOrigin + performance.now();
      cti.ring(id, number);
      const marks = await painted(id, 60_000);
      if (!marks) {
        const seen = await page.locator(`article[data-call-id="${id}"]`).innerText().catch(() => '(no card)');
        throw new Error(`call ${id} (${number}) was not painted within a minute; the card shows:\n${seen.slice(-700)}`);
      }
      nameTimes.push(marks.name - sentAt);
      listTimes.push(marks.lists - sentAt);
      if (marks.loaded && i >= warmup) loadedTimes.push(marks.lists - sentAt);
      cti.hangup(id, number);
      await page.locator(`article[data-call-id="${id}"]`).getByRole('button', { name: /Dismiss call/ }).click();
      await page.locator(`article[data-call-id="${id}"]`).waitFor({ state: 'detached' });
    }
    cti.close();
    const name = nameTimes.slice(warmup);
    const lists = listTimes.slice(warmup);
    return {
      initialJsGzipBytes: await initialJsGzipBytes(),
      calls: name.length,
      firstCall: { name: nameTimes[0] ?? NaN, lists: listTimes[0] ?? NaN },
      name: { p50: pct(name, 50), p95: pct(name, 95) },
      lists: { p50: pct(lists, 50), p95: pct(lists, 95) },
      listsLoaded: { calls: loadedTimes.length, p50: pct(loadedTimes, 50), p95: pct(loadedTimes, 95) },
      samples: { name: nameTimes, lists: listTimes },
    };
  } finally {
    await browser.close();
    await companion.stop();
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** One report line per figure, with its target (issue 4): for `npm run bench`. */
export async function runPaintBench(): Promise<string> {
  const latencyMs = Number(process.env['BENCH_LATENCY_MS'] ?? 150);
  const r = await benchBrowserPaint({
    persons: Number(process.env['BENCH_PERSONS'] ?? 100_000),
    latencyMs,
    calls: Number(process.env['BENCH_CALLS'] ?? 40),
    warmup: Number(process.env['BENCH_WARMUP'] ?? 5),
  });
  const f = (n: number) => `${n.toFixed(1)} ms`;
  const warm = r.samples.name.length - r.calls;
  return [
    `renderer initial JS: ${(r.initialJsGzipBytes / 1024).toFixed(1)} KB gzip (target ≤ 250 KB)`,
    `browser, event → caller name painted: p50 ${f(r.name.p50)}, p95 ${f(r.name.p95)} over ${r.calls} calls after ${warm} warm-up calls (target p95 ≤ 50 ms)`,
    `browser, event → lists painted: p50 ${f(r.lists.p50)}, p95 ${f(r.lists.p95)} (target p95 ≤ RTT + 60 = ${latencyMs + 60} ms)`,
    `  of which ${r.listsLoaded.calls} calls loaded lists (the others are shared numbers: nobody selected): p50 ${f(r.listsLoaded.p50)}, p95 ${f(r.listsLoaded.p95)}`,
    `browser, first call after start (cold, not in the percentiles): name ${f(r.firstCall.name)}, lists ${f(r.firstCall.lists)}`,
    ...(process.env['BENCH_VERBOSE'] ? [`  name samples: ${r.samples.name.map((n) => n.toFixed(0)).join(' ')}`, `  lists samples: ${r.samples.lists.map((n) => n.toFixed(0)).join(' ')}`] : []),
  ].join('\n');
}
