import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateConfig } from '../../shared/config';
import type { CallView, CallsSnapshot } from '../../shared/contract/views';
import type { CallEvent } from '../../shared/cti/call-event';
import { createCompanion } from '../../electron/core/app/companion';
import { silentLog } from '../../electron/core/intake/log';
import { createItopClient } from '../../electron/core/itop';
import { ms, percentiles, simRequests } from './stats';

export interface CallBenchResult {
  readonly indexMs: number;
  readonly persons: number;
  readonly callers: ReturnType<typeof percentiles>;
  readonly lists: ReturnType<typeof percentiles>;
  readonly requestsPerCall: number[];
  readonly duplicateRequests: number[];
  readonly enabledLists: number;
}

/** Event → callers / lists timings through the real companion against a running simulator. */
export async function benchCalls(sim: { url: string; itop: { url: string; auth: 'password'; user: string; password: string } }, calls: number): Promise<CallBenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cti-bench-'));
  const { config } = validateConfig({ itop: { ...sim.itop, timeoutMs: 60_000 }, cti: { token: 'b'.repeat(32) } }, { agentTimeZone: 'Europe/Paris' });
  const companion = createCompanion({ config, dataDir, log: silentLog, intakePort: 0, language: 'en' });
  let latest: CallsSnapshot = { version: 0, calls: [] };
  let onSnapshot: (() => void) | undefined;
  let indexMs = NaN;
  let persons = 0;
  const startedAt = performance.now();
  const indexed = new Promise<void>((resolve) =>
    companion.onEvent((channel, payload) => {
      if (channel === 'calls:changed') {
        latest = payload as CallsSnapshot;
        onSnapshot?.();
      } else if (channel === 'status:changed') {
        const index = (payload as { index: { builtAt?: number; persons: number } }).index;
        if (index.builtAt !== undefined && Number.isNaN(indexMs)) {
          indexMs = performance.now() - startedAt;
          persons = index.persons;
          resolve();
        }
      }
    }),
  );
  try {
    await companion.start();
    await indexed;
    // Numbers the index knows, as a PBX delivers them (international form). Mobiles, because desk phones
    // include organization switchboards shared by ~1300 persons (a separate, pathological case).
    const client = createItopClient({ url: sim.itop.url, auth: { kind: 'password', user: sim.itop.user, password: sim.itop.password }, timeoutMs: 60_000 });
    const page = await client.get({ class: 'Person', key: "SELECT Person WHERE mobile_phone LIKE '+%'", outputFields: ['mobile_phone'], limit: calls, page: 37 });
    const numbers = page.ok ? page.value.objects.map((o) => String(o.fields['mobile_phone'])) : [];
    const enabledLists = config.telephony.display_tickets.lists.filter((l) => l.enabled).length;
    const callerTimes: number[] = [];
    const listTimes: number[] = [];
    const requestsPerCall: number[] = [];
    const duplicateRequests: number[] = [];
    for (const [i, number] of numbers.entries()) {
      const event: CallEvent = { kind: 'ringing', callId: `bench-${i}`, direction: 'inbound', remoteNumber: number, localNumber: '', at: Date.now(), source: 'bridge' };
      await simRequests(sim.url, true);
      const t0 = performance.now();
      let callersAt = NaN;
      const done = new Promise<void>((resolve) => {
        onSnapshot = () => {
          const call: CallView | undefined = latest.calls.find((c) => c.callId === event.callId);
          if (!call) return;
          if (Number.isNaN(callersAt) && call.callers.state === 'done') callersAt = performance.now() - t0;
          if (call.callers.state !== 'loading' && call.lists.every((l) => l.state !== 'loading')) resolve();
        };
      });
      companion.ingest(event);
      onSnapshot?.();
      await done;
      listTimes.push(performance.now() - t0);
      if (process.env.BENCH_DEBUG) {
        const c = latest.calls.find((x) => x.callId === event.callId);
        console.log(number, c?.number.kind, c?.callers.state, c?.callers.matches.length, c?.lists.map((l) => l.state).join(','), (performance.now() - t0).toFixed(1));
      }
      callerTimes.push(callersAt);
      requestsPerCall.push(await simRequests(sim.url, true));
      companion.ingest({ ...event, at: event.at + 1 }); // the same call fired again by the bridge
      await new Promise((r) => setTimeout(r, 20));
      duplicateRequests.push(await simRequests(sim.url));
    }
    return { indexMs, persons, callers: percentiles(callerTimes), lists: percentiles(listTimes), requestsPerCall, duplicateRequests, enabledLists };
  } finally {
    await companion.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export function formatCallBench(r: CallBenchResult, rttMs: number): string[] {
  const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  return [
    `index: ${r.persons} persons built (start → ready) in ${ms(r.indexMs)}`,
    `event → callers resolved: p50 ${ms(r.callers.p50)}, p95 ${ms(r.callers.p95)} (n=${r.callers.n}; target p95 ≤ 20 ms)`,
    `event → all lists resolved: p50 ${ms(r.lists.p50)}, p95 ${ms(r.lists.p95)} (target p95 ≤ RTT + 50 = ${rttMs + 50} ms)`,
    `REST requests per call: avg ${avg(r.requestsPerCall).toFixed(2)}, max ${Math.max(...r.requestsPerCall)} (target ${r.enabledLists} = enabled lists)`,
    `REST requests for a duplicate fire: max ${Math.max(...r.duplicateRequests)} (target 0)`,
  ];
}
