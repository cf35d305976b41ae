import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_USERS } from '../../../e2e/itop-sim/credentials';
import { startSimulator, type RunningSimulator } from '../../../e2e/itop-sim/spawn';
import type { DialStarted } from '../../../shared/contract/dial';
import type { TestBridge } from '../intake/testing/intake-harness';
import { startBridgedDialRig, type CompanionRig, type RigSimulator } from './testing/companion-rig';

// Issue 17 §4: dialing never waits on iTop. With iTop down, a link naming a ticket dials as soon as the agent
// confirms, the pending dial says iTop is unreachable (not "not found"), and the outbound PhoneCall lands on
// that ticket once iTop is back (its ref queued as OQL, resolved by iTop).
describe('a dial link naming a ticket while iTop is unreachable', () => {
  let rig: CompanionRig;
  let bridge: TestBridge;
  let current: RunningSimulator;
  beforeAll(async () => {
    current = await startSimulator();
    // The rig stops whichever simulator is running at the end (this test restarts it on the same port).
    const sim: RigSimulator = { url: current.url, baseUrl: current.baseUrl, stop: () => current.stop() };
    ({ rig, bridge } = await startBridgedDialRig({ sim, login: SIM_USERS.cti }));
  });
  afterAll(async () => {
    await bridge?.close();
    await rig?.stop();
  });

  it('dials at once after confirmation, says iTop is unreachable, and logs the PhoneCall on the ticket when iTop is back', async () => {
    const port = current.port;
    await current.stop(); // connections refused from now on
    const link = await rig.companion.handleLink('itop-cti://dial?number=+33%201%2023%2045%2067%2089&ticket=R-000008');
    if (!link.ok || link.value.kind !== 'dial-pending') throw new Error(JSON.stringify(link));
    const { pendingId } = link.value.pending;
    expect(link.value.pending).toMatchObject({ ticketHint: 'R-000008', needsTicket: false });
    const pushed = await rig.waitFor('dial:pending-changed', (list) => list.some((p) => p.pendingId === pendingId && p.ticketStatus === 'unreachable'));
    expect(pushed.find((p) => p.pendingId === pendingId)).toMatchObject({ needsTicket: false, ticketStatus: 'unreachable' });

    const confirming = rig.companion.handlers['dial:confirm']({ pendingId });
    const command = (await bridge.next()) as { requestId: string; number: string };
    expect(command).toMatchObject({ number: '+33123456789' });
    bridge.socket.send(JSON.stringify({ result: 'ok', requestId: command.requestId }));
    const started = (await confirming) as DialStarted;
    for (const event of ['answered', 'hangup']) {
      bridge.socket.send(JSON.stringify({ event, callId: command.requestId, direction: 'outbound', to: '0123456789' }));
      expect(await bridge.next()).toMatchObject({ event });
    }
    const call = await rig.waitForCall(started.callId, (c) => c.outbound?.journal !== undefined);
    const entryId = call.outbound?.journal?.entryId ?? '';
    const queued = (await rig.companion.handlers['outbox:status']()).entries.find((e) => e.id === entryId);
    expect(queued).toMatchObject({ class: 'PhoneCall', operation: 'create', fields: { ticket_id: "SELECT Ticket WHERE ref = 'R-000008'", agent_id: 'SELECT Person WHERE id = :current_contact_id' } });
    expect(['pending', 'sending']).toContain(queued?.state);

    current = await startSimulator({ port }); // iTop is back at the same URL
    await rig.companion.handlers['outbox:retry']({});
    const status = await rig.waitFor('outbox:changed', (s) => s.entries.some((e) => e.id === entryId && e.state === 'done'));
    const id = status.entries.find((e) => e.id === entryId)?.result?.id ?? '';
    const got = await rig.itop.get({ class: 'PhoneCall', key: Number(id), outputFields: ['ticket_id', 'agent_id', 'flow'] });
    expect(got.ok && got.value.objects[0]?.fields).toEqual({ ticket_id: '8', agent_id: '40', flow: 'outbound' });
  });
});
