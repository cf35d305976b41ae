import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_USERS } from '../../../e2e/itop-sim/credentials';
import { startSimulator } from '../../../e2e/itop-sim/spawn';
import { validateConfig } from '../../../shared/config';
import { httpRequest } from '../intake/testing/intake-harness';
import { RIG_TOKEN, settled, startCompanionRig, type CompanionRig } from './testing/companion-rig';

// "Settings applied at once": reconfigure() on a running companion, real simulator, no restart.
describe('companion reconfigure', () => {
  let rig: CompanionRig;
  const configWith = (extra: Record<string, unknown>, url = rig.sim.baseUrl) =>
    validateConfig({ itop: { url, user: SIM_USERS.cti.login, password: SIM_USERS.cti.password }, cti: { token: RIG_TOKEN }, ...extra }, { agentTimeZone: 'Europe/Paris' }).config;

  beforeAll(async () => {
    rig = await startCompanionRig({ sim: await startSimulator(), login: SIM_USERS.cti });
  });
  afterAll(async () => {
    await rig?.stop();
  });

  it('new lists apply to the next call while the call on screen keeps its own; the dial route follows dial.method', async () => {
    const first = (await rig.companion.handlers['call:simulate']({ number: '+33612345678' })).callId;
    const before = await rig.waitForCall(first, settled);
    expect(before.lists.map((l) => l.label)).toEqual(['User Requests opened for this caller', 'User Requests opened for the organization of the caller']);

    const closed = { enabled: true, label: 'Closed ones', query: "SELECT UserRequest AS u WHERE u.caller_id IN (:callers_list) AND u.status = 'closed'" };
    rig.companion.reconfigure(configWith({ telephony: { display_tickets: { lists: [closed] } }, dial: { method: 'bridge' } }));
    await rig.waitFor('status:changed', (s) => s.dialVia === 'bridge');
    const second = (await rig.companion.handlers['call:simulate']({ number: '+33123456789' })).callId;
    expect((await rig.waitForCall(second, settled)).lists.map((l) => l.label)).toEqual(['Closed ones']);
    expect((await rig.waitForCall(first, settled)).lists.map((l) => l.label)).toEqual(before.lists.map((l) => l.label));
    // New lists need no new directory: the new kit opens the saved index instead of downloading it again.
    await rig.waitFor('status:changed', (s) => s.index.source === 'disk' && !s.index.building);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await rig.companion.handlers['app:snapshot']()).status.index).toMatchObject({ source: 'disk', building: false });
  });

  it("the 3CX contact URL's parameter names follow a new telephony configuration at the next call", async () => {
    const port = (await rig.companion.handlers['app:snapshot']()).status.bridge.port;
    // As 3CX opens it: a plain GET (a browser page's fetch would be refused as cross-site).
    const contactUrl = (query: string) => httpRequest(port, { path: `/call?${query}` });
    expect((await contactUrl('telephone=%2B33612345678')).status).toBe(400);
    rig.companion.reconfigure(configWith({ telephony: { url_parameters: { telephone: 'phone' } } }));
    expect((await contactUrl('telephone=%2B33612345678')).status).toBeLessThan(300);
    const { calls } = await rig.waitFor('calls:changed', (c) => c.calls.some((call) => call.source === 'url'));
    expect(calls.find((call) => call.source === 'url')?.number.e164).toBe('+33612345678');
  });

  it('a new iTop URL logs in again: unreachable, then connected with its index rebuilt', async () => {
    rig.companion.reconfigure(configWith({}, 'http://127.0.0.1:9'));
    expect(rig.companion.config().itop.url).toBe('http://127.0.0.1:9'); // what the shell's link policies read
    await rig.waitFor('status:changed', (s) => s.itop.state === 'unreachable' && s.itop.url === 'http://127.0.0.1:9');
    const builtBefore = (await rig.companion.handlers['app:snapshot']()).status.index.builtAt ?? 0;
    rig.companion.reconfigure(configWith({}));
    const status = await rig.waitFor('status:changed', (s) => s.itop.state === 'connected' && (s.index.builtAt ?? 0) > builtBefore);
    expect(status.itop.identity?.name).toBeTruthy();
  });
});
