/** p50/p95 of a list of durations (nearest-rank), for the benchmark report. */
export function percentiles(samples: readonly number[]): { p50: number; p95: number; max: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? NaN, n: sorted.length };
}

export const ms = (value: number): string => `${value.toFixed(1)} ms`;

/** REST requests the simulator counted since the last reset; `reset` zeroes the counter afterwards. */
export async function simRequests(baseUrl: string, reset = false): Promise<number> {
  const res = await fetch(`${baseUrl}/__sim/stats`);
  const body = (await res.json()) as { requests?: unknown };
  if (reset) await fetch(`${baseUrl}/__sim/stats`, { method: 'DELETE' });
  return typeof body.requests === 'number' ? body.requests : NaN;
}
