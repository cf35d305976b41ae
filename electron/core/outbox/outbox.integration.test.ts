import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SIM_USERS } from '../../../e2e/itop-sim/credentials';
import { startSimulator, type RunningSimulator } from '../../../e2e/itop-sim/spawn';
import { bindOql } from '../../../shared/oql/bind';
import { createItopClient, type ItopClient } from '../itop';
import { exponentialBackoff } from './error-class';
import { createOutbox, type Outbox } from './outbox';

let sim: RunningSimulator;
let dir: string;
const fastBackoff = exponentialBackoff({ baseMs: 20, maxMs: 100 });
const clientFor = (timeoutMs = 2000, user = SIM_USERS.cti): ItopClient =>
  createItopClient({ url: sim.url, auth: { kind: 'password', user: user.login, password: user.password }, timeoutMs });

/** The process died after sending the first entry and before recording it: the file still says `sending`; a new outbox starts on it. */
async function restartAfterCrashWhileSending(file: string): Promise<Outbox> {
  const doc = JSON.parse(await readFile(file, 'utf8')) as { entries: { state: string }[] };
  doc.entries[0] = { ...doc.entries[0], state: 'sending' };
  await writeFile(file, JSON.stringify(doc), 'utf8');
  const outbox = createOutbox({ file, client: clientFor(), backoff: fastBackoff, uncertainGraceMs: 0 });
  await outbox.start();
  return outbox;
}

const phoneCall = (note: string, ticket = 1) => ({
  kind: 'create' as const,
  class: 'PhoneCall',
  fields: { ticket_id: ticket, agent_id: 40, contact_id: 2, date: '2026-11-23 19:30:15', flow: 'inbound', note },
  markField: 'note',
});

async function countByNote(client: ItopClient, text: string): Promise<number> {
  const oql = bindOql('SELECT PhoneCall WHERE note LIKE :t', { t: { like: text, anywhere: true } });
  if (!oql.ok) throw new Error(oql.error.message);
  const r = await client.get({ class: 'PhoneCall', key: oql.value, outputFields: ['id'] });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.total;
}

beforeAll(async () => {
  sim = await startSimulator({});
});
afterAll(async () => {
  await sim?.stop();
});
beforeEach(async () => {
  await sim.control.reset();
  dir = await mkdtemp(join(tmpdir(), 'outbox-'));
  return () => rm(dir, { recursive: true, force: true });
});

describe('outbox against the simulator', () => {
  it('persists an entry before sending it, then creates the object once', async () => {
    const file = join(dir, 'outbox.json');
    const outbox = createOutbox({ file, client: clientFor(), backoff: fastBackoff });
    const queued = await outbox.enqueue({ op: phoneCall('first call'), label: 'PhoneCall for R-000001', key: 'call-1' });
    expect(queued.ok).toBe(true);
    if (!queued.ok) return;
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { entries: { id: string; state: string }[] };
    expect(onDisk.entries).toEqual([expect.objectContaining({ id: queued.value.id, state: 'pending' })]);

    await outbox.start();
    const done = await outbox.settled(queued.value.id);
    expect(done?.state).toBe('done');
    expect(done?.result?.adopted).toBe(false);
    expect(await countByNote(clientFor(), queued.value.marker)).toBe(1);
    // The same idempotency key returns the same entry instead of logging the call twice.
    const again = await outbox.enqueue({ op: phoneCall('first call'), label: 'PhoneCall for R-000001', key: 'call-1' });
    expect(again.ok && again.value.id).toBe(queued.value.id);
    await outbox.stop();
  });

  it('adopts the object a timed-out attempt created instead of creating a duplicate', async () => {
    await sim.control.setLatency(600);
    // The grace outlasts the simulator's latency: the check must not run while the first create is in flight.
    const outbox = createOutbox({ file: join(dir, 'o.json'), client: clientFor(150), backoff: exponentialBackoff({ baseMs: 50, maxMs: 50 }), uncertainGraceMs: 1200 });
    const seen: string[] = [];
    outbox.subscribe((s) => s.lastError && seen.push(s.lastError));
    const queued = await outbox.enqueue({ op: phoneCall('slow iTop'), label: 'slow' });
    if (!queued.ok) throw new Error(queued.error.message);
    await outbox.start();
    // The first attempt times out on our side while the simulator still creates the PhoneCall.
    await new Promise<void>((resolve) => {
      const off = outbox.subscribe((s) => s.lastError && (off(), resolve()));
    });
    await sim.control.setLatency(0);
    await outbox.retryNow();
    const done = await outbox.settled(queued.value.id);
    expect(done?.state).toBe('done');
    expect(done?.result?.adopted).toBe(true);
    expect(seen[0]).toMatch(/did not answer/);
    expect(await countByNote(clientFor(), queued.value.marker)).toBe(1);
    await outbox.stop();
  });

  it('keeps a write iTop refuses as failed with a readable reason, and sends it once corrected', async () => {
    const outbox = createOutbox({ file: join(dir, 'o.json'), client: clientFor(), backoff: fastBackoff });
    await outbox.start();
    const bad = { ...phoneCall('bad flow'), fields: { ...phoneCall('bad flow').fields, flow: 'sideways' } };
    const queued = await outbox.enqueue({ op: bad, label: 'PhoneCall with a bad flow' });
    if (!queued.ok) throw new Error(queued.error.message);
    const failed = await outbox.settled(queued.value.id);
    expect(failed?.state).toBe('failed');
    expect(failed?.lastError).toBe('iTop refused to save: Flow (flow): Value not allowed [sideways].');
    expect(failed?.issues).toEqual([{ attribute: 'flow', label: 'Flow', reason: 'Value not allowed [sideways]' }]);
    expect(outbox.status()).toMatchObject({ pending: 0, failed: 1 });

    const edited = await outbox.edit(queued.value.id, { flow: 'inbound' });
    expect(edited.ok).toBe(true);
    expect((await outbox.settled(queued.value.id))?.state).toBe('done');
    expect(outbox.status()).toMatchObject({ pending: 0, failed: 0 });
    await outbox.stop();
  });

  it('rights refusals fail too, and discarding is explicit', async () => {
    const outbox = createOutbox({ file: join(dir, 'o.json'), client: clientFor(), backoff: fastBackoff });
    await outbox.start();
    const person = await outbox.enqueue({ op: { kind: 'create', class: 'Person', fields: { org_id: 4, first_name: 'Unknown', name: 'Caller', phone: '+33 1 99 99 99 99' } }, label: 'New person' });
    if (!person.ok) throw new Error(person.error.message);
    const failed = await outbox.settled(person.value.id);
    expect(failed?.lastError).toMatch(/does not have enough permissions for creating data of class Person/);
    expect((await outbox.discard(person.value.id)).ok).toBe(true);
    expect(outbox.get(person.value.id)?.state).toBe('discarded');
    expect(outbox.status().failed).toBe(0);
    await outbox.stop();
  });

  it('a dependent entry uses the id created by the entry before it', async () => {
    const outbox = createOutbox({ file: join(dir, 'o.json'), client: clientFor(), backoff: fastBackoff });
    const ticket = await outbox.enqueue({
      op: { kind: 'create', class: 'UserRequest', fields: { org_id: 3, caller_id: 2, title: 'Printer', description: 'Paper jam', origin: 'phone' }, markField: 'description', outputFields: ['id', 'ref'] },
      label: 'New user request',
    });
    if (!ticket.ok) throw new Error(ticket.error.message);
    const call = await outbox.enqueue({ op: { ...phoneCall('dependent'), fields: { ...phoneCall('dependent').fields, ticket_id: { $entry: ticket.value.id } } }, label: 'PhoneCall' });
    if (!call.ok) throw new Error(call.error.message);
    await outbox.start();
    const created = await outbox.settled(ticket.value.id);
    const logged = await outbox.settled(call.value.id);
    expect(created?.result?.fields.ref).toMatch(/^R-\d{6}$/);
    const r = await clientFor().get({ class: 'PhoneCall', key: logged?.result?.id ?? 0, outputFields: ['ticket_id'] });
    expect(r.ok && r.value.objects[0]?.fields.ticket_id).toBe(String(created?.result?.id));
    await outbox.stop();
  });

  it('while iTop is down, entries wait with backoff and go out when it is back', async () => {
    await sim.control.setFault('down');
    // 'down' cuts the connection after the request was sent: uncertain, so keep the grace short here.
    const outbox = createOutbox({ file: join(dir, 'o.json'), client: clientFor(), backoff: fastBackoff, uncertainGraceMs: 30 });
    await outbox.start();
    const q = await outbox.enqueue({ op: phoneCall('while down'), label: 'x' });
    if (!q.ok) throw new Error(q.error.message);
    await new Promise<void>((resolve) => {
      const off = outbox.subscribe((s) => (s.entries[0]?.attempts ?? 0) >= 2 && (off(), resolve()));
    });
    expect(outbox.status()).toMatchObject({ pending: 1, failed: 0, lastError: expect.stringMatching(/could not be reached|did not answer/) });
    await sim.control.setFault('none');
    expect((await outbox.settled(q.value.id))?.state).toBe('done');
    expect(await countByNote(clientFor(), q.value.marker)).toBe(1);
    await outbox.stop();
  });

  it('moves a corrupt file aside instead of losing it, and starts empty', async () => {
    const file = join(dir, 'outbox.json');
    await writeFile(file, '{"version":1,"entries":[{"id":"truncated', 'utf8');
    const warnings: string[] = [];
    const outbox = createOutbox({ file, client: clientFor(), log: { info: () => undefined, warn: (m) => warnings.push(m) } });
    await outbox.start();
    expect(outbox.status().entries).toEqual([]);
    const names = await readdir(dir);
    const backup = names.find((n) => n.startsWith('outbox.corrupt-'));
    expect(backup).toBeDefined();
    expect(await readFile(join(dir, backup ?? ''), 'utf8')).toBe('{"version":1,"entries":[{"id":"truncated');
    expect(warnings[0]).toMatch(/not valid JSON.*kept as/);
    await outbox.stop();
  });
});

describe('outbox restarts', () => {
  it('an entry left "sending" by a crash is checked by its marker before being resent', async () => {
    const file = join(dir, 'outbox.json');
    const first: Outbox = createOutbox({ file, client: clientFor(), backoff: fastBackoff });
    const q = await first.enqueue({ op: phoneCall('crash'), label: 'x' });
    if (!q.ok) throw new Error(q.error.message);
    // Simulate "sent, then the process died before recording it": create it in iTop with the marker and
    // leave the file saying `sending`.
    const created = await clientFor().create({ class: 'PhoneCall', fields: { ...phoneCall('crash').fields, note: `crash\n\n${q.value.marker}` } });
    expect(created.ok).toBe(true);
    const second = await restartAfterCrashWhileSending(file);
    const done = await second.settled(q.value.id);
    expect(done?.result?.adopted).toBe(true);
    expect(await countByNote(clientFor(), q.value.marker)).toBe(1);
    await second.stop();
  });

  it('a ticket created before the crash is found by its private-log marker: adopted, no duplicate', async () => {
    const file = join(dir, 'ticket-outbox.json');
    const title = `Crash ticket ${Date.now()}`;
    const op = {
      kind: 'create' as const, class: 'UserRequest', markLog: 'private_log', outputFields: ['id', 'ref'],
      fields: { org_id: 3, caller_id: 2, origin: 'phone', title, description: 'Exactly what the agent typed', private_log: { add_item: { message: 'Created from a call', format: 'text' } } },
    };
    const first: Outbox = createOutbox({ file, client: clientFor(), backoff: fastBackoff });
    const q = await first.enqueue({ op, label: 'ticket' });
    if (!q.ok) throw new Error(q.error.message);
    // Sent with the marker in the private log, then the process died before recording it.
    const sent = await clientFor().create({ class: 'UserRequest', fields: { ...op.fields, private_log: { add_item: { message: `Created from a call\n\n${q.value.marker}`, format: 'text' } } } });
    expect(sent.ok).toBe(true);
    const second = await restartAfterCrashWhileSending(file);
    const done = await second.settled(q.value.id);
    expect(done?.result?.adopted).toBe(true);
    const same = await clientFor().get({ class: 'UserRequest', key: `SELECT UserRequest WHERE title = '${title}'`, outputFields: ['description'] });
    expect(same.ok && same.value.objects.map((o) => o.fields.description)).toEqual(['<p>Exactly what the agent typed</p>']);
    await second.stop();
  });
});
