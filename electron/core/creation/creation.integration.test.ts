import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_USERS } from '../../../e2e/itop-sim/credentials';
import { startSimulator, type RunningSimulator } from '../../../e2e/itop-sim/spawn';
import { AppConfigSchema } from '../../../shared/config';
import { createItopClient, type ItopClient } from '../itop';
import { createJournal, type CallFacts } from '../journal';
import { createOutbox, exponentialBackoff, type Outbox } from '../outbox';
import { createCreationService } from './creation-service';

const config = AppConfigSchema.parse({});
const TZ = 'Europe/Paris';
// 2026-11-23 18:30:15 UTC = 19:30:15 in Paris.
const STARTED = Date.UTC(2026, 10, 23, 18, 30, 15);
const call: CallFacts = {
  callId: 'call-1', direction: 'inbound', number: { raw: '0601020304', e164: '+33601020304', display: '06 01 02 03 04' },
  startedAt: STARTED, durationMs: 185_000,
  callers: [{ personId: '2', name: 'Pablo Picasso', confidence: 'confirmed' }], selection: { kind: 'person', personId: '2' }, agentChose: false,
};

interface Rig {
  sim: RunningSimulator;
  client: ItopClient;
  outbox: Outbox;
  dir: string;
  service: (user?: { login: string; password: string }, onPersonChanged?: (id: string) => void) => ReturnType<typeof createCreationService>;
}

async function rig(noPhoneCall: boolean): Promise<Rig> {
  const sim = await startSimulator({ noPhoneCall });
  const dir = await mkdtemp(join(tmpdir(), 'creation-'));
  const clientOf = (u: { login: string; password: string }) => createItopClient({ url: sim.url, auth: { kind: 'password', user: u.login, password: u.password } });
  const client = clientOf(SIM_USERS.cti);
  const outbox = createOutbox({ file: join(dir, 'outbox.json'), client, backoff: exponentialBackoff({ baseMs: 20, maxMs: 100 }) });
  await outbox.start();
  const service = (user: { login: string; password: string } = SIM_USERS.cti, onPersonChanged?: (id: string) => void) => {
    const c = clientOf(user);
    const box = user === SIM_USERS.cti ? outbox : createOutbox({ file: join(dir, `${user.login}.json`), client: c });
    void box.start();
    return createCreationService({
      outbox: box, client: c, telephony: config.telephony, itopUrl: sim.baseUrl, timeZone: TZ, now: () => STARTED,
      journal: createJournal({ outbox: box, journal: config.journal, timeZone: TZ }), ...(onPersonChanged ? { onPersonChanged } : {}),
    });
  };
  return { sim, client, outbox, dir, service };
}

async function ticketLogs(client: ItopClient, id: string) {
  const r = await client.get({ class: 'UserRequest', key: Number(id), outputFields: ['public_log', 'private_log', 'origin', 'caller_id', 'org_id', 'description'] });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const f = r.value.objects[0]?.fields ?? {};
  const messages = (log: unknown) => ((log as { entries: { message: string }[] }).entries ?? []).map((e) => e.message);
  return { origin: f.origin, caller: f.caller_id, org: f.org_id, description: f.description, publicLog: messages(f.public_log), privateLog: messages(f.private_log) };
}

describe('creation and journal with the PhoneCall class', () => {
  let r: Rig;
  beforeAll(async () => {
    r = await rig(false);
  });
  afterAll(async () => {
    await r.outbox.stop();
    await r.sim.stop();
    await rm(r.dir, { recursive: true, force: true });
  });

  it('prefills the extension default UserRequest preset and creates the ticket with a linked PhoneCall', async () => {
    const service = r.service();
    const prefill = await service.prefill(call, 'UserRequest');
    if (!prefill.ok) throw new Error(prefill.error.message);
    expect(prefill.value.problems).toEqual([]);
    expect(prefill.value.fields.map((f) => [f.attribute, f.kind, f.value])).toEqual([
      ['org_id', 'key', 3],
      ['caller_id', 'key', 2],
      ['origin', 'value', 'phone'],
      ['public_log', 'log', 'Call from customer dated 2026-11-23 19:30:15'],
    ]);
    expect(prefill.value.itopUrl).toBe(`${r.sim.baseUrl}/pages/UI.php?operation=new&class=UserRequest&default%5Borg_id%5D=3&default%5Bcaller_id%5D=2&default%5Borigin%5D=phone&default%5Bpublic_log%5D=Call%20from%20customer%20dated%202026-11-23%2019%3A30%3A15`);

    const form = { ...Object.fromEntries(prefill.value.fields.map((f) => [f.attribute, f.value])), title: 'Printer jam', description: 'Paper jam on floor 2' };
    const created = await service.create(call, 'UserRequest', form);
    if (!created.ok || created.value.state !== 'created') throw new Error(JSON.stringify(created));
    expect(created.value.ref).toMatch(/^R-\d{6}$/);
    expect(created.value.links.view).toBe(`${r.sim.baseUrl}/pages/UI.php?class=UserRequest&id=${created.value.id}&operation=details`);
    const t = await ticketLogs(r.client, created.value.id);
    expect(t).toMatchObject({ origin: 'phone', caller: '2', org: '3', publicLog: ['Call from customer dated 2026-11-23 19:30:15'] });
    // What the caller reads is exactly what the agent typed; the marker is in an agent-only private-log entry.
    expect(t.description).toBe('<p>Paper jam on floor 2</p>');
    expect(t.privateLog).toEqual([expect.stringMatching(/^Created from a call from \+33601020304 \(Pablo Picasso\) at 19:30, 3 min 05 s\.\n\n\[cti:[0-9a-f-]+\]$/)]);

    await r.outbox.settled(r.outbox.status().entries.at(-1)?.id ?? '');
    const calls = await r.client.get({ class: 'PhoneCall', key: `SELECT PhoneCall WHERE ticket_id = ${created.value.id}`, outputFields: ['contact_id', 'agent_id', 'date', 'flow', 'note'] });
    expect(calls.ok && calls.value.objects.map((o) => o.fields)).toEqual([
      expect.objectContaining({ contact_id: '2', agent_id: '40', date: '2026-11-23 19:30:15', flow: 'inbound', note: expect.stringMatching(/^Inbound call from \+33601020304 \(Pablo Picasso\), 3 min 05 s\.\n\n\[cti:[0-9a-f-]+\]$/) }),
    ]);
  });

  it('creates a ticket whose fields are far longer than an outbox key (the key holds their digest)', async () => {
    const form = { org_id: 3, caller_id: 2, origin: 'phone', impact: '2', urgency: '3', title: 'Long story', description: 'Paper jam. '.repeat(500) };
    const created = await r.service().create(call, 'UserRequest', form);
    expect(created.ok && created.value.state).toBe('created');
  });

  it('"log this call" on an existing ticket creates a PhoneCall and, if asked, a public-log line', async () => {
    const journal = createJournal({ outbox: r.outbox, journal: config.journal, timeZone: TZ });
    const logged = await journal.logCall({ call, ticket: { class: 'UserRequest', key: 1, ref: 'R-000001' }, wrapUp: 'Printer works again.', alsoLog: 'public_log' });
    if (!logged.ok) throw new Error(logged.error.message);
    expect(logged.value.journal).toBe('phonecall');
    const phoneCall = await r.outbox.settled(logged.value.entryId);
    const line = await r.outbox.settled(logged.value.alsoLogEntryId ?? '');
    expect([phoneCall?.state, line?.state]).toEqual(['done', 'done']);
    const got = await r.client.get({ class: 'PhoneCall', key: phoneCall?.result?.id ?? 0, outputFields: ['ticket_id', 'note'] });
    expect(got.ok && got.value.objects[0]?.fields).toMatchObject({ ticket_id: '1', note: expect.stringContaining('Printer works again.') });
    // The public log (read by the caller) never carries the marker.
    expect((await ticketLogs(r.client, '1')).publicLog[0]).toBe('Inbound call from +33601020304 (Pablo Picasso), 3 min 05 s.\nPrinter works again.');
  });

  it('a refused creation comes back with the reason in words, and stays in the outbox for correction', async () => {
    const created = await r.service().create({ ...call, callId: 'call-2' }, 'UserRequest', { org_id: 3, caller_id: 2, origin: 'phone' });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value).toMatchObject({ state: 'refused', message: expect.stringMatching(/^iTop refused to save: Title \(title\): Null not allowed/) });
    expect(r.outbox.status().failed).toBe(1);
    if (created.value.state !== 'refused') return;
    expect((await r.outbox.edit(created.value.entryId, { title: 'Fixed', description: 'Now complete' })).ok).toBe(true);
    expect((await r.outbox.settled(created.value.entryId))?.state).toBe('done');
  });

  it('an unknown caller becomes a Person with the number, and the index is told', async () => {
    const unknown: CallFacts = { ...call, callId: 'call-3', callers: [], selection: { kind: 'unknown' } };
    const refused = await r.service().create(unknown, 'Person', { name: 'Caller', first_name: 'New', org_id: 4, phone: '+33601020304' });
    // A Support Agent may not create persons (recording 20): shown, not dropped.
    expect(refused.ok && refused.value).toMatchObject({ state: 'refused', message: expect.stringMatching(/enough permissions for creating data of class Person/) });
    const changed: string[] = [];
    const admin = r.service(SIM_USERS.ctiadmin, (id) => changed.push(id));
    const prefill = await admin.prefill(unknown, 'Person');
    expect(prefill.ok && prefill.value.fields).toEqual([{ attribute: 'phone', kind: 'value', value: '+33601020304', source: ':phone' }]);
    const created = await admin.create(unknown, 'Person', { name: 'Caller', first_name: 'New', org_id: 4, phone: '+33601020304' });
    if (!created.ok || created.value.state !== 'created') throw new Error(JSON.stringify(created));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(changed).toEqual([created.value.id]);
  });
});

describe('journal on a stock iTop without the PhoneCall class', () => {
  let r: Rig;
  beforeAll(async () => {
    r = await rig(true);
  });
  afterAll(async () => {
    await r.outbox.stop();
    await r.sim.stop();
    await rm(r.dir, { recursive: true, force: true });
  });

  it('creating a ticket from the call writes the call into its private log', async () => {
    const created = await r.service().create(call, 'UserRequest', { org_id: 3, caller_id: 2, origin: 'phone', title: 'No extension', description: 'x' });
    if (!created.ok || created.value.state !== 'created') throw new Error(JSON.stringify(created));
    await r.outbox.settled(r.outbox.status().entries.at(-1)?.id ?? '');
    const t = await ticketLogs(r.client, created.value.id);
    expect(t.privateLog).toEqual([
      expect.stringMatching(/^Created from a call from \+33601020304 \(Pablo Picasso\) at 19:30, 3 min 05 s\.\n\n\[cti:/),
      expect.stringMatching(/^\[Phone call 2026-11-23 19:30:15\] Inbound call from \+33601020304 \(Pablo Picasso\), 3 min 05 s\.\n\n\[cti:/),
    ]);
  });

  it('"log this call" is queued as a PhoneCall and becomes a private-log entry because iTop says the class does not exist', async () => {
    const journal = createJournal({ outbox: r.outbox, journal: config.journal, timeZone: TZ });
    const logged = await journal.logCall({ call, ticket: { class: 'UserRequest', key: 1 }, wrapUp: 'Called back.' });
    if (!logged.ok) throw new Error(logged.error.message);
    expect(logged.value.journal).toBe('phonecall');
    const settled = await r.outbox.settled(logged.value.entryId);
    expect([settled?.state, settled?.op.kind, settled?.result?.class]).toEqual(['done', 'update', 'UserRequest']);
    expect((await ticketLogs(r.client, '1')).privateLog[0]).toMatch(/Called back\.\n\n\[cti:/);
  });
});
