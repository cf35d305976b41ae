/**
 * Probes where the simulator once answered differently from iTop 3.2.0 (issue 13 §2), each held to
 * itop-rest.md: errors raised while binding a query vs while parsing it, `--user` accounts and their Person,
 * case logs searched with LIKE. Against the real simulator process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from './spawn';
import { rest } from './test-client';

const AGENT = { user: 'agent7', password: 'agent7-password' };
const get = (key: unknown, extra: Record<string, unknown> = {}) => ({ operation: 'core/get', class: 'Person', key, output_fields: 'id,name', ...extra });

describe('simulator parity with iTop 3.2.0', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ users: [`${AGENT.user}:${AGENT.password}`] });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('a --user account is linked to a Person: SELECT Person WHERE id = :current_contact_id finds it (§6.6)', async () => {
    const a = await rest(sim.url, get('SELECT Person WHERE id = :current_contact_id'), AGENT);
    expect(a.json?.message).toBe('Found: 1');
    expect(Object.values(a.json?.objects ?? {}).map((o) => o.fields.name)).toEqual([AGENT.user]);
  });

  it('a placeholder without a value fails when the query runs, not wrapped as "Query failed to execute" (§4)', async () => {
    const a = await rest(sim.url, get('SELECT Person WHERE phone = :phone'));
    expect(a.json).toEqual({ code: 100, message: 'Error: Missing query argument: expecting = phone, available = {}' });
  });

  it('the same unwrapped error for an update, a delete and a stimulus key (GetObjectSetFromKey)', async () => {
    const key = 'SELECT UserRequest WHERE ref = :ref';
    const expected = { code: 100, message: 'Error: Missing query argument: expecting = ref, available = {}' };
    const update = await rest(sim.url, { operation: 'core/update', comment: 'c', class: 'UserRequest', key, fields: { title: 'x' } });
    const remove = await rest(sim.url, { operation: 'core/delete', comment: 'c', class: 'UserRequest', key, simulate: true });
    const stimulus = await rest(sim.url, { operation: 'core/apply_stimulus', comment: 'c', class: 'UserRequest', key, stimulus: 'ev_assign', fields: {} });
    expect([update.json, remove.json, stimulus.json].map((j) => ({ code: j?.code, message: j?.message }))).toEqual([expected, expected, expected]);
  });

  it('parse-time failures keep iTop\'s "Query failed to execute" wrapper (§4)', async () => {
    const a = await rest(sim.url, get('SELECT Person WHERE'));
    expect(a.json?.message).toMatch(/^Error: Query failed to execute: query = SELECT Person WHERE, exception_class = OQLParserSyntaxErrorException, /);
  });

  it('an external key given as OQL resolves magic placeholders (§3.9.1): agent_id = the caller\'s own Person', async () => {
    const created = await rest(sim.url, {
      operation: 'core/create', comment: 'c', class: 'PhoneCall', output_fields: 'agent_id,ticket_id',
      fields: { agent_id: 'SELECT Person WHERE id = :current_contact_id', ticket_id: "SELECT Ticket WHERE ref = 'R-000008'", flow: 'inbound', date: '2026-01-01 10:00:00', note: 'n' },
    });
    expect(Object.values(created.json?.objects ?? {})[0]?.fields).toEqual({ agent_id: '40', ticket_id: '8' });
  });

  it('an OQL external key with a missing argument names the attribute, unwrapped', async () => {
    const created = await rest(sim.url, {
      operation: 'core/create', comment: 'c', class: 'PhoneCall', output_fields: 'id',
      fields: { agent_id: 'SELECT Person WHERE id = :agent', ticket_id: 8, flow: 'inbound', date: '2026-01-01 10:00:00', note: 'n' },
    });
    expect(created.json?.message).toBe('Error: agent_id: Missing query argument: expecting = agent, available = {}');
  });

  it('a case log is searched with LIKE as one text, as iTop stores it (§3.9.2)', async () => {
    const marker = '[cti:5b1d0c8e-parity]';
    const updated = await rest(sim.url, { operation: 'core/update', comment: 'c', class: 'UserRequest', key: 8, fields: { private_log: { add_item: { message: `Called back ${marker}`, format: 'text' } } }, output_fields: 'id' });
    expect(updated.json?.code).toBe(0);
    const found = await rest(sim.url, { operation: 'core/get', class: 'UserRequest', key: `SELECT UserRequest WHERE private_log LIKE '%${marker}%'`, output_fields: 'id' });
    expect(Object.keys(found.json?.objects ?? {})).toEqual(['UserRequest::8']);
    const none = await rest(sim.url, { operation: 'core/get', class: 'UserRequest', key: "SELECT UserRequest WHERE public_log LIKE '%[cti:5b1d0c8e-parity]%'", output_fields: 'id' });
    expect(none.json?.message).toBe('Found: 0');
  });
});
