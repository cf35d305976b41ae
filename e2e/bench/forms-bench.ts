import { createFormLookup } from '../../electron/core/creation/form-lookup';
import { createItopClient } from '../../electron/core/itop';
import { createItopModel } from '../../shared/itop-model';
import { SIM_USERS } from '../itop-sim/credentials';
import { startSimulator } from '../itop-sim/spawn';
import { ms, percentiles, simRequests } from './stats';

/**
 * The creation form's round trips against the simulator with iTop-like latency: the names behind a form's
 * ids (organization and caller: two classes, asked in parallel, so about one round trip), and the pickers'
 * searches (the caller among the organization's persons; services through the customer contracts).
 */
export async function runFormsBench(latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 150), rounds = Number(process.env.BENCH_CALLS ?? 30)): Promise<string> {
  const sim = await startSimulator({ latencyMs });
  try {
    const client = createItopClient({ url: sim.url, auth: { kind: 'password', user: SIM_USERS.cti.login, password: SIM_USERS.cti.password } });
    const lookup = createFormLookup({ client, model: () => createItopModel() });
    const timed = async (run: () => Promise<{ ok: boolean }>): Promise<number[]> => {
      await run(); // warm-up: connection and the simulator's query caches
      const samples: number[] = [];
      for (let i = 0; i < rounds; i += 1) {
        const start = performance.now();
        const r = await run();
        if (!r.ok) throw new Error('a form lookup failed during the bench');
        samples.push(performance.now() - start);
      }
      return samples;
    };
    await simRequests(sim.baseUrl, true);
    const names = await timed(() => lookup.names([{ class: 'Organization', id: '4' }, { class: 'Person', id: '42' }]));
    const namesRequests = (await simRequests(sim.baseUrl, true)) / (rounds + 1);
    const caller = await timed(() => lookup.search({ class: 'UserRequest', attribute: 'caller_id', text: 'mar', values: { org_id: 4 } }));
    const service = await timed(() => lookup.search({ class: 'UserRequest', attribute: 'service_id', text: '', values: { org_id: 4 } }));
    const line = (what: string, samples: number[]) => {
      const p = percentiles(samples);
      return `${what}: p50 ${ms(p.p50)}, p95 ${ms(p.p95)} (n=${p.n}, latency ${latencyMs} ms)`;
    };
    return [
      `${line('form names (Organization + Person)', names)}, ${namesRequests.toFixed(1)} REST requests per form`,
      line('caller picker search (scoped to the organization)', caller),
      line('service picker (customer contracts of the organization)', service),
    ].join('\n');
  } finally {
    await sim.stop();
  }
}
