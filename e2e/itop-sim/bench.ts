/**
 * Simulator benchmark (wired into `npm run bench` by the lead): start time with many persons, and
 * core/get throughput for a phone LIKE query (a full scan, like the CTI's caller lookup) and an id query.
 */
import { startSimulator } from './spawn';
import { CTI, rest } from './test-client';

export interface ThroughputFigures {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly medianMs: number;
}

export interface SimBenchmark {
  readonly persons: number;
  /** From spawning the process to its ready line. */
  readonly startMs: number;
  readonly phoneLike: ThroughputFigures;
  readonly byId: ThroughputFigures;
}

export interface SimBenchmarkOptions {
  persons?: number;
  likeRequests?: number;
  idRequests?: number;
  /** Requests in flight at once. */
  concurrency?: number;
}

export async function benchmarkSimulator(opts: SimBenchmarkOptions = {}): Promise<SimBenchmark> {
  const persons = opts.persons ?? 100_000;
  const t0 = performance.now();
  const sim = await startSimulator({ persons, startTimeoutMs: 60_000 });
  const startMs = performance.now() - t0;
  try {
    const like = {
      operation: 'core/get', class: 'Person', output_fields: 'id,friendlyname,org_name,phone,mobile_phone',
      key: "SELECT Person WHERE phone LIKE '%45 67 89%' OR mobile_phone LIKE '%45 67 89%'",
    };
    const byId = { operation: 'core/get', class: 'Person', key: 40, output_fields: 'id,friendlyname,phone' };
    const phoneLike = await measure(sim.url, like, opts.likeRequests ?? 100, opts.concurrency ?? 4);
    const idFigures = await measure(sim.url, byId, opts.idRequests ?? 1000, opts.concurrency ?? 4);
    return { persons, startMs: Math.round(startMs), phoneLike, byId: idFigures };
  } finally {
    await sim.stop();
  }
}

async function measure(url: string, json: Record<string, unknown>, requests: number, concurrency: number): Promise<ThroughputFigures> {
  const durations: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests) {
      next += 1;
      const t = performance.now();
      const a = await rest(url, json, CTI);
      if (a.json?.code !== 0) throw new Error(`benchmark request failed: ${a.text.slice(0, 200)}`);
      durations.push(performance.now() - t);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - t0;
  durations.sort((a, b) => a - b);
  return {
    requests,
    requestsPerSecond: Math.round((requests / elapsed) * 1000),
    medianMs: Math.round((durations[Math.floor(durations.length / 2)] ?? 0) * 10) / 10,
  };
}
