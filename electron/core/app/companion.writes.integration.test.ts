import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_USERS } from '../../../e2e/itop-sim/credentials';
import { startSimulator } from '../../../e2e/itop-sim/spawn';
import { invokeContract, type EventPayload } from '../../../shared/contract/contract';
import type { ItopClient } from '../itop';
import { settled, startCompanionRig, type CompanionRig } from './testing/companion-rig';

// Issue 5 through the Companion's contract only: a real simulator process, a real intake, the real outbox file.

async function ticket(client: ItopClient, id: string) {
  const r = await client.get({ class: 'UserRequest', key: Number(id), outputFields: ['title', 'origin', 'caller_id', 'org_id', 'public_log', 'private_log'] });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const f = r.value.objects[0]?.fields ?? {};
  const messages = (log: unknown) => ((log as { entries?: { message: string }[] }).entries ?? []).map((e) => e.message);
  return { title: f['title'], origin: f['origin'], caller: f['caller_id'], org: f['org_id'], publicLog: messages(f['public_log']), privateLog: messages(f['private_log']) };
}

async function phoneCallsOn(client: ItopClient, ticketId: string) {
  const r = await client.get({ class: 'PhoneCall', key: `SELECT PhoneCall WHERE ticket_id = ${ticketId}`, outputFields: ['contact_id', 'agent_id', 'flow', 'date', 'note'] });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.objects.map((o) => o.fields);
}

/** A ringing call from Camille Martin's number, with Camille (Person 42) picked in the chooser. */
async function callFromCamille(rig: CompanionRig): Promise<string> {
  const { callId } = await rig.companion.handlers['call:simulate']({ number: '+33 1 23 45 67 89', name: 'Camille' });
  await rig.waitForCall(callId, settled);
  await rig.companion.handlers['call:select-caller']({ callId, selection: { kind: 'person', personId: '42' } });
  await rig.waitForCall(callId, (c) => c.selection.kind === 'person' && settled(c));
  return callId;
}

describe('ticket creation and call logging with the PhoneCall class', () => {
  let rig: CompanionRig;
  const outboxEvents: number[] = [];
  beforeAll(async () => {
    rig = await startCompanionRig({ sim: await startSimulator(), login: SIM_USERS.cti });
    rig.companion.onEvent((channel, payload) => {
      if (channel === 'outbox:changed') outboxEvents.push((payload as { pending: number }).pending);
    });
  });
  afterAll(async () => rig?.stop());

  it('offers creation on the call: the extension default indirect UserRequest and Person, no direct form', async () => {
    const { callId } = await rig.companion.handlers['call:simulate']({ number: '+33 1 23 45 67 89' });
    const call = await rig.waitForCall(callId, settled);
    expect(call.create).toEqual({ indirect: [{ class: 'UserRequest', label: 'Create User Request' }, { class: 'Person', label: 'Create Person' }] });
    expect(call.outbound).toBeUndefined();
    await expect(rig.companion.handlers['ticket:prefill']({ callId, class: 'Change' })).rejects.toThrow(/Creating a Change from a call is not enabled/);
  });

  it('a ringing call → prefill (org, caller, origin, dated log) → create → the UserRequest and a PhoneCall linked to it', async () => {
    const callId = await callFromCamille(rig);
    const prefill = await rig.companion.handlers['ticket:prefill']({ callId, class: 'UserRequest' });
    expect(prefill.problems).toEqual([]);
    expect(prefill.callerId).toBe('42');
    const byAttribute = Object.fromEntries(prefill.fields.map((f) => [f.attribute, f]));
    expect(byAttribute['org_id']).toMatchObject({ kind: 'key', value: 4 });
    expect(byAttribute['caller_id']).toMatchObject({ kind: 'key', value: 42 });
    expect(byAttribute['origin']).toMatchObject({ kind: 'value', value: 'phone' });
    expect(byAttribute['public_log']).toMatchObject({ kind: 'log', value: expect.stringMatching(/^Call from customer dated \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) });
    expect(prefill.itopUrl).toContain(`${rig.sim.baseUrl}/pages/UI.php?operation=new&class=UserRequest&default%5Borg_id%5D=4&default%5Bcaller_id%5D=42`);

    const form = { ...Object.fromEntries(prefill.fields.map((f) => [f.attribute, f.value])), title: 'Shared drive gone', description: 'Since this morning' };
    const outcome = await rig.companion.handlers['ticket:create']({ callId, class: 'UserRequest', fields: form });
    if (outcome.state !== 'created') throw new Error(JSON.stringify(outcome));
    // What the hosts check before anything reaches the UI.
    expect(invokeContract['ticket:prefill'].result.safeParse(prefill).success).toBe(true);
    expect(invokeContract['ticket:create'].result.safeParse(outcome).success).toBe(true);
    expect(outcome.ref).toMatch(/^R-\d{6}$/);
    expect(outcome.links.view).toBe(`${rig.sim.baseUrl}/pages/UI.php?class=UserRequest&id=${outcome.id}&operation=details`);

    await rig.outboxSettled();
    const created = await ticket(rig.itop, outcome.id);
    expect(created).toMatchObject({ title: 'Shared drive gone', origin: 'phone', caller: '42', org: '4' });
    expect(created.publicLog).toEqual([expect.stringMatching(/^Call from customer dated /)]);
    expect(await phoneCallsOn(rig.itop, outcome.id)).toEqual([
      expect.objectContaining({ contact_id: '42', agent_id: '40', flow: 'inbound', note: expect.stringMatching(/^Inbound call from \+33123456789 \(Camille Martin\)\./) }),
    ]);
  });

  it('"log this call" on an existing ticket → a PhoneCall, the note also in the public log; outbox status is pushed', async () => {
    const callId = await callFromCamille(rig);
    const before = (await phoneCallsOn(rig.itop, '2')).length;
    outboxEvents.length = 0;
    const logged = await rig.companion.handlers['call:log']({ callId, ticket: { class: 'UserRequest', id: '2' }, note: 'Drive mapped again.', alsoLog: 'public_log' });
    expect(logged.journal).toBe('phonecall');
    const status = await rig.waitFor('status:changed', (s) => s.outbox.pending === 0);
    expect(status.outbox.failed).toBe(0);
    expect(outboxEvents[0]).toBeGreaterThan(0);
    expect(outboxEvents.at(-1)).toBe(0);

    const calls = await phoneCallsOn(rig.itop, '2');
    expect(calls).toHaveLength(before + 1);
    expect(calls.at(-1)).toMatchObject({ contact_id: '42', agent_id: '40', flow: 'inbound', note: expect.stringContaining('Drive mapped again.') });
    expect((await ticket(rig.itop, '2')).publicLog[0]).toMatch(/^Inbound call from \+33123456789 \(Camille Martin\)\.\nDrive mapped again\./);
    const box = await rig.companion.handlers['outbox:status']();
    expect(invokeContract['outbox:status'].result.safeParse(box).success).toBe(true);
    const entry = box.entries.find((e) => e.id === logged.entryId);
    expect(entry).toMatchObject({ state: 'done', class: 'PhoneCall', label: 'Phone call on R-000002', result: { class: 'PhoneCall' } });

    // The same click again is the same write: no second PhoneCall.
    const again = await rig.companion.handlers['call:log']({ callId, ticket: { class: 'UserRequest', id: '2' }, note: 'Drive mapped again.', alsoLog: 'public_log' });
    expect(again.entryId).toBe(logged.entryId);
    expect(await phoneCallsOn(rig.itop, '2')).toHaveLength(before + 1);
  });

  it('a refused creation is kept for correction: outbox:edit fixes it, outbox:discard drops another', async () => {
    const callId = await callFromCamille(rig);
    const refused = await rig.companion.handlers['ticket:create']({ callId, class: 'UserRequest', fields: { caller_id: 42, org_id: 4, origin: 'phone' } });
    if (refused.state !== 'refused') throw new Error(JSON.stringify(refused));
    expect(refused.message).toMatch(/Title \(title\)/);
    expect((await rig.waitFor('status:changed', (s) => s.outbox.failed > 0)).outbox.failed).toBeGreaterThan(0);
    const edited = await rig.companion.handlers['outbox:edit']({ entryId: refused.entryId, fields: { title: 'Fixed title', description: 'Now complete' } });
    expect(edited).toMatchObject({ id: refused.entryId, fields: { title: 'Fixed title', description: 'Now complete' } });
    expect(['pending', 'sending', 'done']).toContain(edited.state);
    await rig.outboxSettled();
    const done = (await rig.companion.handlers['outbox:status']()).entries.find((e) => e.id === refused.entryId);
    expect(done?.state).toBe('done');
    expect(await phoneCallsOn(rig.itop, done?.result?.id ?? '0')).toHaveLength(1);

    const other = await rig.companion.handlers['ticket:create']({ callId, class: 'UserRequest', fields: { caller_id: 42, org_id: 4, title: '' } });
    if (other.state !== 'refused') throw new Error(JSON.stringify(other));
    await rig.companion.handlers['outbox:discard']({ entryId: other.entryId });
    expect((await rig.companion.handlers['outbox:status']()).entries.find((e) => e.id === other.entryId)?.state).toBe('discarded');
    await expect(rig.companion.handlers['outbox:discard']({ entryId: 'no-such-entry-id' })).rejects.toThrow(/no entry no-such-entry-id/);
  });

  it('refuses writes for a call that does not exist', async () => {
    await expect(rig.companion.handlers['call:log']({ callId: 'gone', ticket: { class: 'UserRequest', id: '2' }, note: '' })).rejects.toThrow(/No call gone/);
  });
});

// Logged in as ctiadmin here: a Support Agent may not write Persons (recording 20).
describe('the same flows on a stock iTop without PhoneCall (--no-phonecall)', () => {
  let rig: CompanionRig;
  beforeAll(async () => {
    rig = await startCompanionRig({ sim: await startSimulator({ noPhoneCall: true }), login: SIM_USERS.ctiadmin });
  });
  afterAll(async () => rig?.stop());

  it('creating a ticket from the call writes the call into the new ticket\'s private log', async () => {
    const callId = await callFromCamille(rig);
    const prefill = await rig.companion.handlers['ticket:prefill']({ callId, class: 'UserRequest' });
    const form = { ...Object.fromEntries(prefill.fields.map((f) => [f.attribute, f.value])), title: 'No extension here', description: 'x' };
    const outcome = await rig.companion.handlers['ticket:create']({ callId, class: 'UserRequest', fields: form });
    if (outcome.state !== 'created') throw new Error(JSON.stringify(outcome));
    await rig.outboxSettled();
    const created = await ticket(rig.itop, outcome.id);
    expect(created.privateLog).toEqual([
      expect.stringMatching(/^Created from a call from \+33123456789 \(Camille Martin\) at \d\d:\d\d\.\n\n\[cti:/),
      expect.stringMatching(/^\[Phone call \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] Inbound call from \+33123456789 \(Camille Martin\)\./),
    ]);
  });

  it('"log this call" is queued as a PhoneCall and becomes a private-log entry once iTop says it has no such class', async () => {
    const callId = await callFromCamille(rig);
    const logged = await rig.companion.handlers['call:log']({ callId, ticket: { class: 'UserRequest', id: '2' }, note: 'Called back, all good.' });
    expect(logged.journal).toBe('phonecall');
    await rig.outboxSettled();
    expect((await ticket(rig.itop, '2')).privateLog[0]).toMatch(/Inbound call from \+33123456789 \(Camille Martin\)\.\nCalled back, all good\./);
  });

  it('an unknown number added to an existing Person is known to the index at once: the next call pops without asking iTop', async () => {
    const number = '+33 9 70 11 22 33';
    const { callId } = await rig.companion.handlers['call:simulate']({ number });
    expect((await rig.waitForCall(callId, settled)).callers.matches).toEqual([]);
    const numbersBefore = (await rig.companion.handlers['app:snapshot']()).status.index.numbers;
    const { entryId } = await rig.companion.handlers['person:add-number']({ callId, personId: '3', attribute: 'phone' });
    await rig.waitFor('outbox:changed', (s) => s.entries.some((e) => e.id === entryId && e.state === 'done'));
    await rig.waitFor('status:changed', (s) => s.index.numbers > numbersBefore);

    const existing = new Set((await rig.companion.handlers['app:snapshot']()).calls.calls.map((c) => c.callId));
    const firstViews: string[] = [];
    const off = rig.companion.onEvent((channel, payload) => {
      if (channel !== 'calls:changed' || firstViews.length > 0) return;
      const fresh = (payload as EventPayload<'calls:changed'>).calls.find((c) => !existing.has(c.callId));
      if (fresh) firstViews.push(`${fresh.callers.state}:${fresh.callers.matches.map((m) => m.name).join(',')}`);
    });
    const again = await rig.companion.handlers['call:simulate']({ number });
    off();
    expect((await rig.waitForCall(again.callId, settled)).callers.matches.map((m) => m.name)).toEqual(['Salvador Dali']);
    // Found in the very first snapshot: from the index, not from a query to iTop.
    expect(firstViews).toEqual(['done:Salvador Dali']);
  });
});
