import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
// The simulator runs as its own process; this only imports the helper that spawns it (a test tool, never product code).
import { startSimulator } from '../../../e2e/itop-sim/spawn';
import { SIM_TOKENS, SIM_USERS } from '../../../e2e/itop-sim/credentials';
import { bindOql, type OqlParam } from '../../../shared/oql/bind';
import { caseLogItem } from './case-log';
import { createItopClient } from './client';
import { isLoginFailure, isNotAuthorizedForRest, isOqlError, isUnknownClass, validationIssues } from './itop-error';
import type { ItopAuth } from './request';
import type { ItopClient } from './types';

// The client against the iTop simulator, a separate process, over real HTTP.
const AGENT = { user: SIM_USERS.cti.login, password: SIM_USERS.cti.password };
const ADMIN = { user: SIM_USERS.ctiadmin.login, password: SIM_USERS.ctiadmin.password };
const NO_REST = { user: SIM_USERS.norest.login, password: SIM_USERS.norest.password };
const TOKEN = SIM_TOKENS.ctiPersonal;

let sim: Awaited<ReturnType<typeof startSimulator>>;
beforeAll(async () => {
  sim = await startSimulator({ persons: 40, tokenLogin: true });
}, 60_000);
afterAll(async () => {
  await sim?.stop();
});
afterEach(async () => {
  await sim.control.setFault('none');
});

const clientAs = (auth: ItopAuth, timeoutMs?: number): ItopClient => createItopClient({ url: sim.url, auth, ...(timeoutMs ? { timeoutMs } : {}) });
const agent = (): ItopClient => clientAs({ kind: 'password', ...AGENT });
const admin = (): ItopClient => clientAs({ kind: 'password', ...ADMIN });

function oql(template: string, params: Record<string, OqlParam>): string {
  const r = bindOql(template, params);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function value<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.error)}`);
  return r.value;
}

describe('authentication modes', () => {
  it.each([
    ['form fields', { kind: 'password', ...AGENT }],
    ['HTTP Basic', { kind: 'password', ...AGENT, via: 'basic' }],
    ['Auth-Token header', { kind: 'token', token: TOKEN }],
  ] as const)('lists operations with %s', async (_name, auth) => {
    const ops = await value(clientAs(auth).listOperations());
    expect(ops.operations.map((o) => o.verb)).toEqual(expect.arrayContaining(['core/get', 'core/create', 'core/update', 'core/apply_stimulus', 'core/delete', 'core/check_credentials']));
  });

  it('checks a login/password pair', async () => {
    expect(await agent().checkCredentials(AGENT.user, AGENT.password)).toEqual({ ok: true, value: true });
    expect(await agent().checkCredentials(AGENT.user, 'wrong')).toEqual({ ok: true, value: false });
  });

  it.each([
    ['a wrong password (form)', { kind: 'password', user: AGENT.user, password: 'wrong' }],
    ['a wrong password (Basic)', { kind: 'password', user: AGENT.user, password: 'wrong', via: 'basic' }],
    ['an unknown user', { kind: 'password', user: 'nobody', password: 'x' }],
    ['a wrong token', { kind: 'token', token: 'not-a-token' }],
  ] as const)('answers code 1 "Invalid login" to %s', async (_name, auth) => {
    const r = await clientAs(auth).listOperations();
    expect(r).toMatchObject({ ok: false, error: { kind: 'itop', code: 1, operation: 'list_operations' } });
    expect(!r.ok && isLoginFailure(r.error)).toBe(true);
  });

  it('tells a user without the REST profile apart from a wrong password', async () => {
    const r = await clientAs({ kind: 'password', ...NO_REST }).listOperations();
    expect(!r.ok && isNotAuthorizedForRest(r.error)).toBe(true);
    expect(!r.ok && isLoginFailure(r.error)).toBe(false);
  });

  it('finds the agent’s own Person through :current_contact_id', async () => {
    const me = await value(agent().whoAmI());
    expect(me).toMatchObject({ class: 'Person', key: expect.stringMatching(/^\d+$/) });
    expect(me?.fields.friendlyname).toBe('Carla Tiago');
    expect(await value(clientAs({ kind: 'token', token: TOKEN }).whoAmI())).toMatchObject({ key: me?.key });
    // An application token has no contact.
    expect(await clientAs({ kind: 'token', token: SIM_TOKENS.ctiApp }).whoAmI()).toEqual({ ok: true, value: null });
  });
});

describe('iTop errors', () => {
  it('reports an unknown class, in `class` or only in the OQL', async () => {
    const a = await agent().get({ class: 'PhoneCallz', key: 'SELECT PhoneCallz' });
    const b = await agent().get({ class: 'Person', key: 'SELECT Persn' });
    expect(!a.ok && a.error.kind === 'itop' && a.error.code).toBe(100);
    expect(!a.ok && isUnknownClass(a.error)).toBe(true);
    expect(!b.ok && isUnknownClass(b.error)).toBe(true);
  });

  it('reports bad OQL and an unbound placeholder', async () => {
    const a = await agent().get({ class: 'Person', key: 'SELECT Person WHERE phone LIKE' });
    const b = await agent().get({ class: 'Person', key: 'SELECT Person WHERE id = :nope' });
    expect(!a.ok && isOqlError(a.error)).toBe(true);
    expect(!b.ok && isOqlError(b.error)).toBe(true);
  });

  it('parses the validation error of a missing mandatory field', async () => {
    const org = (await value(agent().get({ class: 'Organization', key: 'SELECT Organization', outputFields: ['id'], limit: 1 }))).objects[0]!;
    const r = await agent().create({ class: 'UserRequest', fields: { org_id: Number(org.key), description: 'no title' } });
    expect(!r.ok && validationIssues(r.error)).toEqual([expect.objectContaining({ attribute: 'title', label: 'Title', reason: 'Null not allowed' })]);
  });
});

describe('transport failures', () => {
  it('reports HTTP 500 with the start of the page', async () => {
    await sim.control.setFault('http500');
    expect(await agent().listOperations()).toMatchObject({ ok: false, error: { kind: 'http', status: 500, bodySnippet: expect.any(String) } });
  });

  it('reports a non-JSON page', async () => {
    await sim.control.setFault('non-json');
    expect(await agent().listOperations()).toMatchObject({ ok: false, error: { kind: 'not-json', bodySnippet: expect.any(String) } });
  });

  it('times out on a server that hangs', async () => {
    await sim.control.setFault('hang');
    expect(await clientAs({ kind: 'password', ...AGENT }, 400).listOperations()).toEqual({ ok: false, error: { kind: 'timeout', afterMs: 400 } });
  });

  it('is cancelled by its AbortSignal while the server hangs', async () => {
    await sim.control.setFault('hang');
    const controller = new AbortController();
    const pending = agent().listOperations({ signal: controller.signal });
    controller.abort();
    expect(await pending).toEqual({ ok: false, error: { kind: 'aborted' } });
  });

  it('reports a server that is down as a network error', async () => {
    await sim.control.setFault('down');
    const r = await agent().listOperations();
    expect(r.ok ? 'ok' : r.error.kind).toBe('network');
  });
});

describe('operations and encoding', () => {
  it('round-trips "+" and unicode through create, get, update, stimulus and delete', async () => {
    const org = (await value(admin().get({ class: 'Organization', key: 'SELECT Organization', outputFields: ['id'], limit: 1 }))).objects[0]!;
    const phone = '+33 1 23 45 67 89';
    const person = await value(admin().create({ class: 'Person', fields: { org_id: Number(org.key), first_name: 'Zoé', name: "O'Brien", phone }, outputFields: ['id', 'phone'] }));
    expect(person).toMatchObject({ class: 'Person', message: 'created', fields: { phone } });

    const found = await value(agent().get({ class: 'Person', key: oql('SELECT Person WHERE name = :n AND phone = :p', { n: "O'Brien", p: phone }), outputFields: ['first_name', 'name', 'phone'] }));
    expect(found.total).toBe(1);
    expect(found.objects[0]).toMatchObject({ key: person.key, fields: { first_name: 'Zoé', name: "O'Brien", phone } });
    const byLike = await value(agent().get({ class: 'Person', key: oql('SELECT Person WHERE phone LIKE :p', { p: { like: '+33 1 23', anywhere: true } }), outputFields: ['id'] }));
    expect(byLike.objects.map((o) => o.key)).toContain(person.key);

    const title = `Call from ${phone} — Zoé O'Brien: 50% off & "quotes" \\ backslash`;
    const ticket = await value(agent().create({ class: 'UserRequest', fields: { org_id: Number(org.key), caller_id: Number(person.key), title, description: 'from the CTI test', origin: 'phone' }, outputFields: ['ref', 'title'] }));
    expect(ticket.fields.title).toBe(title);

    const note = `Rappel à ${phone}: «OK» + ok`;
    const updated = await value(agent().update({ class: 'UserRequest', key: Number(ticket.key), fields: { public_log: caseLogItem(note) }, outputFields: ['public_log'] }));
    expect(updated.message).toBe('updated');
    expect(updated.fields.public_log).toMatchObject({ entries: [expect.objectContaining({ message: note })] });

    const badStimulus = await agent().applyStimulus({ class: 'UserRequest', key: Number(ticket.key), stimulus: 'ev_close' });
    expect(badStimulus).toMatchObject({ ok: false, error: { kind: 'itop', code: 100 } });
    const assigned = await value(agent().applyStimulus({ class: 'UserRequest', key: Number(ticket.key), stimulus: 'ev_assign', outputFields: ['status'] }));
    expect(assigned.fields.status).toBe('assigned');

    const simulated = await value(admin().delete({ class: 'UserRequest', key: Number(ticket.key), simulate: true }));
    expect(simulated.message).toMatch(/^SIMULATING: /);
    const deleted = await value(admin().delete({ class: 'UserRequest', key: oql('SELECT UserRequest WHERE title = :t', { t: title }) }));
    expect(deleted.objects.map((o) => o.key)).toContain(ticket.key);
    expect((await value(agent().get({ class: 'UserRequest', key: Number(ticket.key) }))).total).toBe(0);
  });

  it('pages with limit/page while "Found" stays the total', async () => {
    const all = await value(agent().get({ class: 'Person', key: 'SELECT Person', outputFields: ['friendlyname'] }));
    expect(all.total).toBe(all.objects.length);
    expect(all.total).toBeGreaterThan(6);
    const p1 = await value(agent().get({ class: 'Person', key: 'SELECT Person', outputFields: ['friendlyname'], limit: 3, page: 1 }));
    const p2 = await value(agent().get({ class: 'Person', key: 'SELECT Person', outputFields: ['friendlyname'], limit: 3, page: 2 }));
    expect([p1.total, p2.total]).toEqual([all.total, all.total]);
    expect([...p1.objects, ...p2.objects].map((o) => o.key)).toEqual(all.objects.slice(0, 6).map((o) => o.key));
  });

  it('finds by id and by criteria; nothing found is an empty list', async () => {
    const first = (await value(agent().get({ class: 'Person', key: "SELECT Person WHERE email != ''", outputFields: ['email'], limit: 1 }))).objects[0]!;
    expect((await value(agent().get({ class: 'Person', key: Number(first.key), outputFields: ['id'] }))).objects[0]?.key).toBe(first.key);
    const byCriteria = await value(agent().get({ class: 'Person', key: { email: first.fields.email }, outputFields: ['id'] }));
    expect(byCriteria.objects.map((o) => o.key)).toContain(first.key);
    const none = await value(agent().get({ class: 'Person', key: oql('SELECT Person WHERE name = :n', { n: 'Nobody-at-all' }) }));
    expect(none).toEqual({ total: 0, objects: [] });
  });
});
