import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLookupKit } from '../../electron/core/app/lookup-kit';
import { startDemoItop } from '../../electron/cli/demo-itop';
import { validateConfig } from '../../shared/config';
import { benchCalls, formatCallBench } from './call-bench';
import { ms } from './stats';

/**
 * `npm run bench`: the simulator at 100k persons and 150 ms latency, the real core against it.
 * Prints figures; bounded (< 8 min): 30 calls, one index build measured on its own, then the same in the
 * browser (web mode in Chromium: initial JS size, event → name / lists painted).
 */
const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 150);
const CALLS = Number(process.env.BENCH_CALLS ?? 30);

async function optionalBench(relative: string, run: (mod: Record<string, unknown>) => Promise<string | undefined> | string | undefined): Promise<void> {
  const file = fileURLToPath(new URL(relative, import.meta.url));
  if (!existsSync(file)) return console.log(`(${relative}: not present, skipped)`);
  const line = await run((await import(file)) as Record<string, unknown>);
  if (line) console.log(line);
}

async function main(): Promise<void> {
  const bench = setTimeout(() => {
    console.error('bench: over the 8 minute budget, giving up');
    process.exit(1);
  }, 480_000);
  bench.unref();
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
  await optionalBench('../browser/paint-bench.ts', async (m) =>
    typeof m['runPaintBench'] === 'function' ? await (m['runPaintBench'] as () => Promise<string>)() : undefined,
  );
  clearTimeout(bench);
}

main().catch((e: unknown) => {
  console.error(`bench failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  process.exitCode = 1;
});
