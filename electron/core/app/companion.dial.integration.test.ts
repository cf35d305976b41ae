import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_USERS } from '../../../e2e/itop-sim/credentials';
import { startSimulator } from '../../../e2e/itop-sim/spawn';
import { eventContract } from '../../../shared/contract/contract';
import type { DialStarted } from '../../../shared/contract/dial';
import type { CallView } from '../../../shared/contract/views';
import type { ItopClient } from '../itop';
import { settled, bridgedDialRigForSuite, startCompanionRig, type CompanionRig } from './testing/companion-rig';
import type { DialCommandFrame } from '../../../shared/cti/bridge-frame';

// Issue 6 through the Companion only: dial:* handlers and handleLink, a REAL test bridge on the CTI
// WebSocket, the real simulator holding the outbound PhoneCalls at the end.

async function phoneCall(client: ItopClient, id: string) {
  const r = await client.get({ class: 'PhoneCall', key: Number(id), outputFields: ['ticket_id', 'contact_id', 'agent_id', 'flow', 'note'] });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.objects[0]?.fields;
}

/** The outbound call's journal entry, once iTop confirmed it: the PhoneCall id. */
async function loggedPhoneCallId(rig: CompanionRig, callId: string): Promise<string> {
  const call = await rig.waitForCall(callId, (c) => c.outbound?.journal !== undefined);
  const entryId = call.outbound?.journal?.entryId ?? '';
  const status = await rig.waitFor('outbox:changed', (s) => s.entries.some((e) => e.id === entryId && e.state === 'done'));
  return status.entries.find((e) => e.id === entryId)?.result?.id ?? '';
}

describe('click-to-call through the CTI bridge', () => {
  const suite = bridgedDialRigForSuite({ startSim: () => startSimulator(), login: SIM_USERS.cti });
  const iso = (ms: number) => new Date(ms).toISOString();

  /** A bridge event, acknowledged by the intake before the next one. */
  async function report(event: Record<string, unknown>): Promise<void> {
    suite.bridge.socket.send(JSON.stringify(event));
    expect(await suite.bridge.next()).toMatchObject({ event: event['event'] });
  }

  /** Answers the dial command the companion sends; returns the command and what the handler resolved to. */
  async function acknowledge<T>(dialing: Promise<T>): Promise<{ command: DialCommandFrame; started: T }> {
    const command = (await suite.bridge.next()) as DialCommandFrame;
    suite.bridge.socket.send(JSON.stringify({ result: 'ok', requestId: command.requestId }));
    return { command, started: await dialing };
  }


  it('offers the call actions of a ticket\'s caller', async () => {
    const actions = await suite.rig.companion.handlers['dial:actions']({ ticket: { class: 'UserRequest', id: '2' } });
    expect(actions.callee).toEqual({ personId: '42', name: 'Camille Martin' });
    expect(actions.actions.map((a) => [a.name, a.display, a.dialString])).toEqual([
      ['phone', '01 23 45 67 89', '0123456789'],
      ['mobile_phone', '06 12 34 56 78', '0612345678'],
    ]);
    expect(await suite.rig.companion.handlers['dial:person-actions']({ personId: '42' })).toHaveLength(2);
  });

  it('dial:start → the bridge gets the dial command → outgoing/answered/hangup → an outbound PhoneCall on the ticket and the person', async () => {
    const { command, started } = await acknowledge(
      suite.rig.companion.handlers['dial:start']({ number: '+33 1 23 45 67 89', ticket: { class: 'UserRequest', id: '2' }, personId: '42', action: 'phone' }),
    );
    expect(command).toEqual({ command: 'dial', requestId: command.requestId, number: '+33123456789', dialString: '0123456789', ticket: '2' });
    expect(started).toMatchObject({ method: 'bridge', dialString: '0123456789', display: '01 23 45 67 89', e164: '+33123456789' });
    const { callId } = started;
    const dialing = await suite.rig.waitForCall(callId, settled);
    expect(dialing).toMatchObject({ direction: 'outbound', state: 'dialing', number: { e164: '+33123456789' } });
    expect(dialing.outbound).toMatchObject({ method: 'bridge', dispatch: 'sent', tracked: false, ticket: { class: 'UserRequest', id: '2' }, person: { personId: '42', name: 'Camille Martin' } });
    expect(dialing.create?.direct).toBeUndefined();

    // The PBX reports the call under its own id, the number as dialed with the outside-line digit.
    const t0 = Date.now();
    await report({ event: 'outgoing', callId: 'pbx-1', from: '201', to: '00123456789', at: iso(t0) });
    await report({ event: 'answered', callId: 'pbx-1', direction: 'outbound', from: '201', to: '00123456789', at: iso(t0 + 4000) });
    await report({ event: 'hangup', callId: 'pbx-1', direction: 'outbound', from: '201', to: '00123456789', at: iso(t0 + 99_000), cause: 'normal' });
    const ended = await suite.rig.waitForCall(callId, (c) => c.state === 'ended');
    expect(ended).toMatchObject({ durationMs: 95_000, outbound: { tracked: true } });
    expect((await suite.rig.companion.handlers['app:snapshot']()).calls.calls.some((c) => c.callId === 'pbx-1')).toBe(false);

    const id = await loggedPhoneCallId(suite.rig, callId);
    const snapshot = await suite.rig.waitFor('calls:changed', (s) => s.calls.some((c) => c.callId === callId && c.outbound?.journal !== undefined));
    expect(eventContract['calls:changed'].safeParse(snapshot).success).toBe(true);
    expect(await phoneCall(suite.rig.itop, id)).toMatchObject({
      ticket_id: '2', contact_id: '42', agent_id: '40', flow: 'outbound', note: expect.stringMatching(/^Outbound call to \+33123456789 \(Camille Martin\), 1 min 35 s\./),
    });
  });

  it('an itop-cti://dial link from an iTop page waits for the agent, then dials and is logged on the link\'s ticket', async () => {
    const link = await suite.rig.companion.handleLink('itop-cti://dial?number=+33%201%2023%2045%2067%2089&ticket=R-000002');
    if (!link.ok || link.value.kind !== 'dial-pending') throw new Error(JSON.stringify(link));
    const { pendingId } = link.value.pending;
    expect(link.value.pending).toMatchObject({ number: '+33 1 23 45 67 89', display: '01 23 45 67 89', dialString: '0123456789', ticketHint: 'R-000002' });
    const pushed = await suite.rig.waitFor('dial:pending-changed', (list) => list.some((p) => p.pendingId === pendingId && p.ticket !== undefined));
    expect(pushed.find((p) => p.pendingId === pendingId)).toMatchObject({ ticket: { class: 'UserRequest', id: '2', ref: 'R-000002' }, needsTicket: false });
    expect((await suite.rig.companion.handlers['app:snapshot']()).calls.calls.filter((c) => c.direction === 'outbound' && c.state === 'dialing')).toEqual([]);
    expect(await suite.rig.companion.handlers['dial:pending']()).toHaveLength(1);

    const { command, started } = await acknowledge(suite.rig.companion.handlers['dial:confirm']({ pendingId, personId: '42' }));
    expect(command).toMatchObject({ number: '+33123456789', dialString: '0123456789' });
    expect(await suite.rig.companion.handlers['dial:pending']()).toEqual([]);
    const call: CallView = await suite.rig.waitForCall((started as DialStarted).callId, () => true);
    expect(call).toMatchObject({ source: 'deep-link', ticket: 'R-000002', outbound: { origin: 'deep-link', ticket: { class: 'UserRequest', id: '2', ref: 'R-000002' } } });

    // This bridge reports under the dial command's requestId.
    const t0 = Date.now();
    await report({ event: 'answered', callId: command.requestId, direction: 'outbound', to: '0123456789', at: iso(t0 + 2000) });
    await report({ event: 'hangup', callId: command.requestId, direction: 'outbound', to: '0123456789', at: iso(t0 + 44_000) });
    const id = await loggedPhoneCallId(suite.rig, call.callId);
    expect(await phoneCall(suite.rig.itop, id)).toMatchObject({ ticket_id: '2', contact_id: '42', flow: 'outbound', note: expect.stringMatching(/^Outbound call to \+33123456789 \(Camille Martin\), 42 s\./) });
  });

  it('a link as iTop renders it (raw spaces, no ticket) needs a ticket to be chosen; rejecting it dials nothing', async () => {
    const link = await suite.rig.companion.handleLink('itop-cti://dial?number=+33 1 23 45 67 89');
    if (!link.ok || link.value.kind !== 'dial-pending') throw new Error(JSON.stringify(link));
    expect(link.value.pending).toMatchObject({ number: '+33 1 23 45 67 89', e164: '+33123456789', needsTicket: true });
    await expect(suite.rig.companion.handlers['dial:confirm']({ pendingId: link.value.pending.pendingId })).rejects.toThrow(/Choose the ticket/);
    await suite.rig.companion.handlers['dial:reject']({ pendingId: link.value.pending.pendingId });
    expect(await suite.rig.companion.handlers['dial:pending']()).toEqual([]);
    await expect(suite.rig.companion.handlers['dial:reject']({ pendingId: link.value.pending.pendingId })).rejects.toThrow(/No dial/);
  });

  it('handleLink also pops incoming-call links, and refuses hostile ones with a reason', async () => {
    const call = await suite.rig.companion.handleLink('itop-cti://call?phone=%2B33123456789&name=Camille');
    if (!call.ok || call.value.kind !== 'call') throw new Error(JSON.stringify(call));
    expect(await suite.rig.waitForCall(call.value.callId, () => true)).toMatchObject({ direction: 'inbound', state: 'ringing', number: { e164: '+33123456789' } });
    expect(await suite.rig.companion.handleLink('javascript:alert(1)')).toMatchObject({ ok: false, error: { code: 'deep-link-unsupported-scheme' } });
    expect(await suite.rig.companion.handleLink(`itop-cti://dial?number=${'1'.repeat(3000)}`)).toMatchObject({ ok: false, error: { code: 'deep-link-too-long' } });
  });

  it('a dial the bridge refuses fails the call, tells why, and logs nothing', async () => {
    const dialing = suite.rig.companion.handlers['dial:start']({ number: '0612345678', ticket: { class: 'UserRequest', id: '2' } });
    const command = (await suite.bridge.next()) as DialCommandFrame;
    suite.bridge.socket.send(JSON.stringify({ result: 'error', requestId: command.requestId, message: 'line busy' }));
    await expect(dialing).rejects.toThrow(/line busy/);
    const snapshot = await suite.rig.waitFor('calls:changed', (s) => s.calls.some((c) => c.outbound?.dispatch === 'failed'));
    const failed = snapshot.calls.find((c) => c.outbound?.dispatch === 'failed');
    expect(failed).toMatchObject({ state: 'failed', outbound: { error: expect.stringContaining('line busy') } });
    expect(failed?.outbound?.journal).toBeUndefined();
  });
});

describe('click-to-call through a URL template', () => {
  let rig: CompanionRig;
  const opened: string[] = [];
  beforeAll(async () => {
    rig = await startCompanionRig({
      sim: await startSimulator(),
      login: SIM_USERS.cti,
      config: {
        dial: { method: 'url', format: 'e164' },
        telephony: { ecall_parameters: { url: 'https://cti.example/dial', url_parameters: { phone: { icon: 'fas fa-phone', attributes: { telephone: 'phone', mailaddress: 'email' } } } } },
      },
      deps: { openExternal: async (url) => void opened.push(url), sweepEveryMs: 20 },
    });
  });
  afterAll(async () => rig?.stop());

  it('fills the person\'s other parameters from iTop, keeps the + as %2B, and logs the untracked call without duration after the grace time', async () => {
    const started = await rig.companion.handlers['dial:start']({ number: '+33 1 23 45 67 89', ticket: { class: 'UserRequest', id: '2' }, personId: '42', action: 'phone' });
    expect(opened).toEqual(['https://cti.example/dial?telephone=%2B33123456789&mailaddress=camille.martin%40acme.fr']);
    expect((await rig.waitForCall(started.callId, () => true)).outbound).toMatchObject({ method: 'url', dispatch: 'sent', tracked: false });
    rig.advance(120_000);
    const id = await loggedPhoneCallId(rig, started.callId);
    const logged = await phoneCall(rig.itop, id);
    expect(logged).toMatchObject({ ticket_id: '2', contact_id: '42', flow: 'outbound' });
    expect(String(logged?.['note'])).toMatch(/^Outbound call to \+33123456789 \(Camille Martin\)\.\n/);
  });

  it('a call placed without a ticket is not logged, and the call says why', async () => {
    const started = await rig.companion.handlers['dial:start']({ number: '0612345678' });
    rig.advance(120_000);
    const call = await rig.waitForCall(started.callId, (c) => c.outbound?.journalProblem !== undefined);
    expect(call.outbound?.journalProblem).toMatch(/without a ticket/);
  });
});
