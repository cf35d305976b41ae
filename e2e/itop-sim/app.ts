/**
 * Wires one simulator: data model, seeded store, accounts, OQL, REST handler, control and stats,
 * behind one HTTP server. Everything is built from the options, nothing is global.
 */
import { createAccounts, PROFILE, type Account } from './accounts';
import type { SimOptions } from './cli-args';
import { createClock, type SimClock } from './clock';
import { createControl } from './http/faults';
import { createSimServer, type SimServer } from './http/server';
import { createStats } from './http/stats';
import { createSchema } from './model/schema';
import { executeOql } from './oql/execute';
import { createOqlRunner } from './oql-bridge';
import type { SimContext } from './rest/context';
import { createDefaultOrder } from './rest/default-order';
import { createRestHandler } from './rest/handler';
import { createSortedQueries } from './rest/sorted-queries';
import { seedGenerated } from './seed/generate';
import { seedRecorded } from './seed/load-recorded';
import { createRandom } from './seed/random';
import { createReader } from './store/read';
import { createStore } from './store/store';

export interface Simulator {
  readonly server: SimServer;
  readonly context: SimContext;
}

export function createSimulator(options: SimOptions, wallClock?: () => Date): Simulator {
  const schema = createSchema({ phoneCall: options.phoneCall });
  const store = createStore(schema);
  const reader = createReader(store);
  const clock: SimClock = createClock(options.timezone, wallClock);
  const accounts = createAccounts(seedRecorded(store, clock, options.dataset));
  if (options.persons > 0) seedGenerated(store, clock, { persons: options.persons, seed: options.seed });
  for (const { login, password } of options.users) {
    if (accounts.setPassword(login, password)) continue;
    // Linked to a Person of its own, as an agent's account is in iTop: `:current_contact_id` finds it.
    const person = store.insert('Person', { first_name: 'Agent', name: login, org_id: 2, email: '', phone: '', mobile_phone: '', status: 'active' });
    const user = store.insert('UserLocal', { login, contactid: person.id, language: 'EN US', status: 'enabled', profile_list: [], allowed_org_list: [] });
    const account: Account = { userId: user.id, login, password, profiles: [PROFILE.agent, PROFILE.rest], enabled: true, personalTokens: [] };
    accounts.add(account);
  }
  const order = createDefaultOrder({ schema, store, reader });
  const context: SimContext = {
    schema, store, reader, accounts, clock,
    oql: createOqlRunner(store, reader, executeOql),
    order,
    sortedQueries: createSortedQueries({ store, sort: (cls, objects) => order.sort(cls, objects) }),
    config: { strictPhonePattern: options.strictPhonePattern },
  };
  const handleRest = createRestHandler(context, {
    tokenLogin: options.tokenLogin,
    personalTokenProfiles: [PROFILE.agent],
    now: () => clock.now(),
  });
  const control = createControl(
    { latencyMs: options.latencyMs, jitterMs: options.jitterMs, fault: 'none', nonJsonStatus: 200 },
    createRandom(options.seed ^ 0x5eed),
  );
  return { server: createSimServer({ handleRest, control, stats: createStats() }), context };
}
