import { describe, expect, it } from 'vitest';
import { SIM_USERS } from '../../../e2e/itop-sim/credentials';
import { startSimulator } from '../../../e2e/itop-sim/spawn';
import type { TicketRef } from '../../../shared/contract/tickets';
import type { ItopClient } from '../itop';
import { pendingDialOf, bridgedDialRigForSuite } from './testing/companion-rig';
import type { DialCommandFrame } from '../../../shared/cti/bridge-frame';

// Issue 17 §2: a dial link without a ticket → the agent creates the ticket with the call panel's presets →
// the dial is placed on it → one outbound PhoneCall on the new ticket, written when the call is over.

async function phoneCallsOn(client: ItopClient, ticketId: string) {
  const r = await client.get({ class: 'PhoneCall', key: `SELECT PhoneCall WHERE ticket_id = ${Number(ticketId)}`, outputFields: ['ticket_id', 'contact_id', 'flow'] });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.objects.map((o) => o.fields);
}

describe('creating the ticket of a pending dial', () => {
  const suite = bridgedDialRigForSuite({ startSim: () => startSimulator(), login: SIM_USERS.cti });


  it('presets for the callee, the new ticket becomes the dial\'s, and the outbound PhoneCall is logged on it once', async () => {
    const { pendingId, pending } = await pendingDialOf(suite.rig, 'itop-cti://dial?number=+33 6 12 34 56 78');
    expect(pending.create?.indirect.map((c) => c.class)).toContain('UserRequest');

    const callId = `pending-dial:${pendingId}`;
    const prefill = await suite.rig.companion.handlers['ticket:prefill']({ callId, class: 'UserRequest' });
    expect(prefill.fields).toEqual(expect.arrayContaining([expect.objectContaining({ attribute: 'caller_id', value: 42 })]));
    await expect(suite.rig.companion.handlers['ticket:prefill']({ callId, class: 'Person' })).rejects.toThrow(/not enabled/);
    const fields = Object.fromEntries(prefill.fields.filter((f) => f.kind !== 'log').map((f) => [f.attribute, f.value]));
    const created = await suite.rig.companion.handlers['ticket:create']({ callId, class: 'UserRequest', fields: { ...fields, title: 'Called back about the phone', description: 'Created before dialing' } });
    if (created.state !== 'created') throw new Error(JSON.stringify(created));
    const withTicket = await suite.rig.waitFor('dial:pending-changed', (list) => list.some((p) => p.pendingId === pendingId && p.ticket?.id === created.id));
    expect(withTicket.find((p) => p.pendingId === pendingId)).toMatchObject({ needsTicket: false, ticket: { class: 'UserRequest', id: created.id, ref: created.ref } });
    // Nothing is logged before the call is placed.
    expect(await phoneCallsOn(suite.rig.itop, created.id)).toEqual([]);

    const dialing = suite.rig.companion.handlers['dial:confirm']({ pendingId });
    const command = (await suite.bridge.next()) as DialCommandFrame;
    expect(command).toMatchObject({ command: 'dial', number: '+33612345678', ticket: created.id });
    suite.bridge.socket.send(JSON.stringify({ result: 'ok', requestId: command.requestId }));
    const started = await dialing;
    const at = (ms: number) => new Date(Date.now() + ms).toISOString();
    for (const [event, ms] of [['answered', 1000], ['hangup', 21_000]] as const) {
      suite.bridge.socket.send(JSON.stringify({ event, callId: command.requestId, direction: 'outbound', to: '0612345678', at: at(ms) }));
      expect(await suite.bridge.next()).toMatchObject({ event });
    }
    const call = await suite.rig.waitForCall(started.callId, (c) => c.outbound?.journal !== undefined);
    expect(call.outbound?.ticket).toMatchObject({ class: 'UserRequest', id: created.id } satisfies TicketRef);
    const entryId = call.outbound?.journal?.entryId ?? '';
    await suite.rig.waitFor('outbox:changed', (s) => s.entries.some((e) => e.id === entryId && e.state === 'done'));
    expect(await phoneCallsOn(suite.rig.itop, created.id)).toEqual([expect.objectContaining({ ticket_id: created.id, contact_id: '42', flow: 'outbound' })]);
  });

  it('a dial that is gone cannot get a ticket', async () => {
    await expect(suite.rig.companion.handlers['ticket:prefill']({ callId: 'pending-dial:nope', class: 'UserRequest' })).rejects.toThrow(/no longer waiting/);
  });
});
