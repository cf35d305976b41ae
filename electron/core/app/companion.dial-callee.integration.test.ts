import { describe, expect, it } from 'vitest';
import { SIM_USERS } from '../../../e2e/itop-sim/credentials';
import { startSimulator } from '../../../e2e/itop-sim/spawn';
import { PendingDialView } from '../../../shared/contract/dial';
import type { ItopClient } from '../itop';
import { pendingDialOf, pendingResolved as resolved, bridgedDialRigForSuite } from './testing/companion-rig';
import type { DialCommandFrame } from '../../../shared/cti/bridge-frame';

// Issue 6 §3: a dial link without a ticket shows the callee (same lookup as an inbound call) and their open
// tickets; the agent's pick is the ticket the PhoneCall is logged on. Real simulator, real test bridge.

async function phoneCall(client: ItopClient, id: string) {
  const r = await client.get({ class: 'PhoneCall', key: Number(id), outputFields: ['ticket_id', 'contact_id', 'flow'] });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.objects[0]?.fields;
}

describe('a dial link without a ticket: the callee and their open tickets', () => {
  const suite = bridgedDialRigForSuite({ startSim: () => startSimulator(), login: SIM_USERS.cti });


  it('pushes the callee and their tickets, and logs the call on the ticket the agent picked', async () => {
    const { pendingId, pending } = await pendingDialOf(suite.rig, 'itop-cti://dial?number=+33 6 12 34 56 78');
    expect(PendingDialView.safeParse(pending).success).toBe(true);
    expect(pending).toMatchObject({ needsTicket: true, callee: { state: 'done', personId: '42', matches: [{ personId: '42', name: 'Camille Martin' }] } });
    const tickets = pending?.callee?.lists.flatMap((l) => l.tickets) ?? [];
    expect(pending?.callee?.lists.map((l) => l.label)).toEqual(['User Requests opened for this caller', 'User Requests opened for the organization of the caller']);
    expect(tickets.map((t) => t.ref)).toEqual(expect.arrayContaining(['R-000002', 'R-000012']));
    expect(await suite.rig.companion.handlers['dial:pending']()).toEqual([pending]);

    const chosen = tickets.find((t) => t.ref === 'R-000012');
    if (!chosen) throw new Error('R-000012 is not offered');
    const dialing = suite.rig.companion.handlers['dial:confirm']({ pendingId, ticket: { class: chosen.class, id: chosen.id }, personId: pending?.callee?.personId });
    const command = (await suite.bridge.next()) as DialCommandFrame;
    expect(command).toMatchObject({ command: 'dial', number: '+33612345678', dialString: '0612345678', ticket: chosen.id });
    suite.bridge.socket.send(JSON.stringify({ result: 'ok', requestId: command.requestId }));
    const { callId } = await dialing;
    const at = (ms: number) => new Date(Date.now() + ms).toISOString();
    for (const [event, ms] of [['answered', 1000], ['hangup', 31_000]] as const) {
      suite.bridge.socket.send(JSON.stringify({ event, callId: command.requestId, direction: 'outbound', to: '0612345678', at: at(ms) }));
      expect(await suite.bridge.next()).toMatchObject({ event });
    }
    const call = await suite.rig.waitForCall(callId, (c) => c.outbound?.journal !== undefined);
    const entryId = call.outbound?.journal?.entryId ?? '';
    const status = await suite.rig.waitFor('outbox:changed', (s) => s.entries.some((e) => e.id === entryId && e.state === 'done'));
    const id = status.entries.find((e) => e.id === entryId)?.result?.id ?? '';
    expect(await phoneCall(suite.rig.itop, id)).toMatchObject({ ticket_id: chosen.id, contact_id: '42', flow: 'outbound' });
  });

  it('a number shared by two persons: the inbound chooser is offered, and the PhoneCall names the person chosen', async () => {
    // Nathalie Girard (52) and Pierre Lambert (53) share +33 1 23 45 67 00 in the simulator's recorded people.
    const { pendingId, pending } = await pendingDialOf(suite.rig, 'itop-cti://dial?number=+33 1 23 45 67 00&ticket=R-000002', (p) => resolved(p) && p.ticket !== undefined);
    const callee = pending.callee;
    expect(callee?.matches.map((m) => m.personId).sort()).toEqual(['52', '53']);
    expect(callee).toMatchObject({ selection: { kind: 'all' }, chosen: false });
    expect(callee?.choices?.map((c) => c.kind)).toEqual(['all', 'person', 'person', 'unknown']);
    expect(callee?.personId).toBeUndefined();
    await expect(suite.rig.companion.handlers['dial:choose-callee']({ pendingId, selection: { kind: 'person', personId: '42' } })).rejects.toThrow(/not one of the choices/);
    await suite.rig.companion.handlers['dial:choose-callee']({ pendingId, selection: { kind: 'person', personId: '53' } });
    const chosen = await suite.rig.waitFor('dial:pending-changed', (list) => list.some((p) => p.pendingId === pendingId && p.callee?.chosen === true && resolved(p)));
    expect(chosen.find((p) => p.pendingId === pendingId)?.callee).toMatchObject({ selection: { kind: 'person', personId: '53' }, personId: '53' });

    const dialing = suite.rig.companion.handlers['dial:confirm']({ pendingId });
    const command = (await suite.bridge.next()) as DialCommandFrame;
    expect(command).toMatchObject({ command: 'dial', number: '+33123456700', ticket: '2' });
    suite.bridge.socket.send(JSON.stringify({ result: 'ok', requestId: command.requestId }));
    const { callId } = await dialing;
    const at = (ms: number) => new Date(Date.now() + ms).toISOString();
    for (const [event, ms] of [['answered', 1000], ['hangup', 11_000]] as const) {
      suite.bridge.socket.send(JSON.stringify({ event, callId: command.requestId, direction: 'outbound', to: '0123456700', at: at(ms) }));
      expect(await suite.bridge.next()).toMatchObject({ event });
    }
    const call = await suite.rig.waitForCall(callId, (c) => c.outbound?.journal !== undefined);
    const entryId = call.outbound?.journal?.entryId ?? '';
    const status = await suite.rig.waitFor('outbox:changed', (s) => s.entries.some((e) => e.id === entryId && e.state === 'done'));
    const id = status.entries.find((e) => e.id === entryId)?.result?.id ?? '';
    expect(await phoneCall(suite.rig.itop, id)).toMatchObject({ ticket_id: '2', contact_id: '53', flow: 'outbound' });
  });

  it('an unknown number gets a callee with no match and no lists; "no ticket" stays possible', async () => {
    const { pendingId, pending } = await pendingDialOf(suite.rig, 'itop-cti://dial?number=+33 9 13 57 91 35');
    expect(pending.callee).toEqual({ state: 'done', matches: [], lists: [], total: 0, selection: { kind: 'unknown' }, choices: [{ kind: 'unknown' }], chosen: false });
    const dialing = suite.rig.companion.handlers['dial:confirm']({ pendingId, ticket: null });
    const command = (await suite.bridge.next()) as DialCommandFrame;
    expect(command).toMatchObject({ dialString: '0913579135' });
    expect(command.ticket).toBeUndefined();
    suite.bridge.socket.send(JSON.stringify({ result: 'ok', requestId: command.requestId }));
    expect((await dialing).dialString).toBe('0913579135');
  });
});
