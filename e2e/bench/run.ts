import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLookupKit } from '../../electron/core/app/lookup-kit';
import { startDemoItop } from '../../electron/cli/demo-itop';
import { validateConfig } from '../../shared/config';
import { benchCalls, formatCallBench } from './call-bench';
import { runPrecisionBench } from './precision-bench';
import { ms } from './stats';

/**
 * `npm run bench [-- section…]`: prints the performance figures, section by section (all by default).
 * Each section is bounded in time on its own; `npm run bench -- core paint` runs only those two.
 */
const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 150);
const CALLS = Number(process.env.BENCH_CALLS ?? 30);

interface Section {
  readonly name: string;
  readonly what: string;
  /** Upper bound of the section's run time; past it the bench gives up with an error. */
  readonly budgetMs: number;
  readonly run: () => Promise<void>;
}

async function optionalBench(relative: string, run: (mod: Record<string, unknown>) => Promise<string | undefined> | string | undefined): Promise<void> {
  const file = fileURLToPath(new URL(relative, import.meta.url));
  if (!existsSync(file)) return console.log(`(${relative}: not present, skipped)`);
  const line = await run((await import(file)) as Record<string, unknown>);
  if (line) console.log(line);
}

/** The simulator at 100k persons and 150 ms latency, the real core against it: index build and calls. */
async function coreBench(): Promise<void> {
  await optionalBench('../../shared/phone/bench.ts', (m) =>
    typeof m['benchNormalize'] === 'function' ? `phone: ${Math.round((m['benchNormalize'] as (n: number) => number)(20_000))} stored numbers normalized per second` : undefined,
  );
  await optionalBench('../itop-sim/bench.ts', async (m) => {
    const fn = Object.values(m).find((v) => typeof v === 'function') as (() => Promise<unknown>) | undefined;
    return fn ? `itop-sim: ${JSON.stringify(await fn())}` : undefined;
  });
  console.log(`starting the simulator: ${PERSONS} persons, latency ${LATENCY_MS} ms…`);
  const sim = await startDemoItop(['--persons', String(PERSONS), '--latency', String(LATENCY_MS)], 120_000);
  if (!sim.ok) throw new Error(sim.error.message);
  try {
    const { config } = validateConfig({ itop: { ...sim.value.itop, timeoutMs: 60_000 }, cti: { token: 'b'.repeat(32) } }, { agentTimeZone: 'Europe/Paris' });
    const kit = createLookupKit({ config, language: 'en', now: () => performance.now() });
    global.gc?.();
    const built = await kit.index.rebuild();
    if (!built.ok) throw new Error(built.error);
    const s = built.value;
    console.log(`index build: ${s.persons} persons, ${s.numbers} numbers in ${ms(s.buildMs ?? NaN)}; heap growth ≈ ${((s.heapBytes ?? 0) / 1048576).toFixed(1)} MB`);
    const calls = await benchCalls(sim.value, CALLS);
    for (const line of formatCallBench(calls, LATENCY_MS)) console.log(line);
  } finally {
    await sim.value.stop();
  }
}

/** Web mode in Chromium: initial JS size, event → name / lists painted. */
async function paintBench(): Promise<void> {
  await optionalBench('../browser/paint-bench.ts', async (m) =>
    typeof m['runPaintBench'] === 'function' ? await (m['runPaintBench'] as () => Promise<string>)() : undefined,
  );
}

// One line per section; a new benchmark lives in its own module and adds one entry here.
const SECTIONS: readonly Section[] = [
  { name: 'core', what: 'simulator, normalization, index build, event → callers/lists', budgetMs: 480_000, run: coreBench },
  { name: 'paint', what: 'browser: initial JS, event → name/lists painted', budgetMs: 300_000, run: paintBench },
  { name: 'precision', what: 'caller identification on a generated directory: right person, wrong person', budgetMs: 180_000, run: async () => void (await runPrecisionBench()).forEach((l) => console.log(l)) },
  { name: 'forms', what: 'creation form: names behind ids, picker searches', budgetMs: 180_000, run: () => optionalBench('./forms-bench.ts', (m) => (m['runFormsBench'] as () => Promise<string>)()) },
  { name: 'soak', what: 'a shift: 3,000 calls through bridge and /call, ack p95, crashes, RSS idle', budgetMs: 240_000, run: async () => (await import('./soak-bench')).runSoakBench() },
  // 500 real index services over a virtual day: about 20 min on a loaded 2-core machine, so a budget of 25.
  { name: 'index-load', what: 'phone index at 100k persons: disk load, memory, and 500 agents over a working day on iTop', budgetMs: 1_500_000, run: async () => (await import('./index-load-bench')).runIndexLoadBench() },
];

async function runSection(section: Section): Promise<void> {
  console.log(`\n== bench ${section.name}: ${section.what}`);
  const timer = setTimeout(() => {
    console.error(`bench ${section.name}: over its ${section.budgetMs / 60_000} minute budget, giving up`);
    process.exit(1);
  }, section.budgetMs);
  timer.unref();
  try {
    await section.run();
  } finally {
    clearTimeout(timer);
  }
}

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !SECTIONS.some((s) => s.name === name));
  if (unknown.length > 0) throw new Error(`unknown bench section(s) ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.name).join(', ')}`);
  for (const section of SECTIONS) if (asked.length === 0 || asked.includes(section.name)) await runSection(section);
}

main().catch((e: unknown) => {
  console.error(`bench failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  process.exitCode = 1;
});
