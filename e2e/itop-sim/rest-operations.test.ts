/**
 * Operation semantics beyond the recordings (doc §3, §9 items 5-8): key forms and their errors,
 * paging, output fields, writes with computed values, case logs, lifecycles, deletion plans.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from './spawn';
import { ADMIN, rest } from './test-client';

describe('REST operations', () => {
  let sim: RunningSimulator;
  const call = (json: Record<string, unknown>, auth = undefined as Parameters<typeof rest>[2]) => rest(sim.url, json, auth);
  const get = (cls: string, key: unknown, extra: Record<string, unknown> = {}) => call({ operation: 'core/get', class: cls, key, ...extra });
  beforeAll(async () => {
    sim = await startSimulator({ dataset: 'recorded' }); // compared with the recorded instance's counts
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('pages with limit/page, counts the total, and refuses page 0 with code 13', async () => {
    const page = await get('Person', 'SELECT Person', { output_fields: 'id', limit: 2, page: '35' });
    expect([page.json?.message, Object.keys(page.json?.objects ?? {})]).toEqual(['Found: 70', ['Person::7', 'Person::25']]);
    const bad = await get('Person', 40, { page: 0 });
    expect(bad.text).toBe('{"code":13,"message":"The request page number is not valid. It must be an integer greater than 0","objects":null}');
  });

  it('validates output_fields, accepting magic codes and "*+" per final class', async () => {
    expect((await get('Person', 40, { output_fields: 'id,,name' })).json?.message).toBe("Error: output_fields: invalid attribute code ''");
    const star = await get('Ticket', 3, { output_fields: '*' });
    expect(Object.keys(star.json?.objects?.['Incident::3']?.fields ?? {})).not.toContain('public_log');
    const plus = await get('Ticket', 3, { output_fields: '*+' });
    expect(plus.json?.objects?.['Incident::3']?.fields.public_log).toEqual({ entries: [] });
  });

  it('gives iTop errors for criteria: unknown attribute, unknown external key, bad finalclass', async () => {
    expect((await get('Person', { id: 40 })).json?.message).toBe('Error: id: Unknown attribute');
    expect((await get('UserRequest', { caller_id: 999 })).json?.message).toBe('Error: caller_id: Invalid object Person::999');
    expect((await get('Contact', { finalclass: 'Ticket' })).json?.message).toBe("Error: finalclass: 'Ticket' is not a child class of 'Contact'");
    expect((await get('Person', { email: 'CAMILLE.martin@ACME.fr' })).json?.message).toBe('Found: 1');
    expect((await get('Person', null)).json?.message).toBe("Error: Missing parameter 'key'");
    expect((await get('Person', [1])).json?.message).toBe('Error: Wrong format for key');
  });

  it('refuses reading users to a Support Agent, as an operation-level code 1', async () => {
    const a = await get('User', 'SELECT User');
    expect(a.text).toBe('{"code":1,"message":"The current user does not have enough permissions for reading data of class User","objects":null}');
  });

  it('creates a ticket with computed ref, priority, dates and a <p>-wrapped description', async () => {
    expect((await call({ operation: 'core/create', class: 'UserRequest', fields: {} })).json?.message).toBe("Error: Missing parameter 'comment'");
    const created = await call({
      operation: 'core/create', comment: 'test', class: 'UserRequest', output_fields: 'ref,priority,description,start_date,last_update,operational_status,org_id',
      fields: { org_id: "SELECT Organization WHERE name = 'Demo'", caller_id: { email: 'pablo.picasso@demo.com' }, title: 'T', description: 'a < b', impact: '2', urgency: '2', priority: '4' },
    });
    const obj = created.json?.objects?.['UserRequest::38'];
    expect(obj?.message).toBe('created');
    expect(obj?.fields).toMatchObject({ ref: 'R-000038', priority: '2', description: '<p>a &lt; b</p>', operational_status: 'ongoing', org_id: '3' });
    expect(obj?.fields.start_date).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('reports external key lookups with zero, several or unparsable matches', async () => {
    const create = (org: unknown) => call({ operation: 'core/create', comment: 'c', class: 'UserRequest', fields: { org_id: org, title: 't', description: 'd' } });
    expect((await create('SELECT Organization WHERE name = \'Nope\'')).json?.message).toBe("Error: org_id: No item found for query: SELECT Organization WHERE name = 'Nope'");
    expect((await create('SELECT Organization')).json?.message).toBe('Error: org_id: Several items found (6) for query: SELECT Organization');
    // A friendly name is parsed as OQL; the parser's own message comes back, not "Query failed".
    expect((await create('Demo')).json?.message).toMatch(/^Error: org_id: .*'Demo'/);
    expect((await create(null)).json?.message).toBe('Error: org_id: Wrong format for key');
    expect((await create({ name: 'nope' })).json?.message).toBe('Error: org_id: No item found with criteria: name: nope (nope)');
  });

  it('appends to case logs as the caller, and keeps the author choice for administrators', async () => {
    const update = (fields: unknown, auth?: Parameters<typeof rest>[2]) =>
      call({ operation: 'core/update', comment: 'c', class: 'UserRequest', key: 2, output_fields: 'public_log', fields }, auth);
    const plain = await update({ public_log: 'Called back' });
    expect(plain.json?.objects?.['UserRequest::2']?.fields.public_log).toMatchObject({
      entries: [{ user_login: 'Carla Tiago', user_id: '2', message: 'Called back', message_html: '<p>Called back</p>' }],
    });
    const denied = await update({ public_log: { add_item: { message: 'x', user_id: 1 } } });
    expect([denied.json?.code, denied.json?.message]).toEqual([1, 'Error: public_log: Only administrators can set the user id']);
    const byAdmin = await update({ public_log: { add_item: { message: 'line1\nline2', format: 'text', user_id: 0, user_login: 'PBX' } } }, ADMIN);
    const entries = (byAdmin.json?.objects?.['UserRequest::2']?.fields.public_log as { entries: unknown[] }).entries;
    expect(entries[1]).toMatchObject({ user_login: 'PBX', user_id: '0', message_html: 'line1<br/>line2' });
    expect((await update({ nope: 1 })).json?.message).toBe('Error: nope: Unknown attribute');
    expect((await update({ org_name: 'x' })).json?.message).toContain('read-only attribute');
    expect((await call({ operation: 'core/update', comment: 'c', class: 'UserRequest', key: 999, fields: {} })).json?.message).toBe('Error: Invalid object UserRequest::999');
  });

  it('applies stimuli: PHP 8 lets empty external keys through, other mandatory attributes and invalid stimuli are refused', async () => {
    const stim = (key: number, stimulus: string, fields: unknown = {}) =>
      call({ operation: 'core/apply_stimulus', comment: 'c', class: 'UserRequest', key, stimulus, fields, output_fields: 'status,assignment_date' });
    const assigned = await stim(4, 'ev_assign');
    expect(assigned.json?.objects?.['UserRequest::4']?.fields.status).toBe('assigned');
    expect((await stim(4, 'ev_pending')).text).toBe('{"code":100,"message":"Missing mandatory attribute(s) for applying the stimulus: pending_reason.","objects":null}');
    expect((await stim(4, 'ev_pending', { pending_reason: 'waiting' })).json?.objects?.['UserRequest::4']?.fields.status).toBe('pending');
    expect((await stim(4, 'ev_close')).json?.message).toBe("Invalid stimulus: 'ev_close' on the object R-000004 in state 'pending'");
  });

  it('deletes with a plan: simulation, rights, cascades to phone calls', async () => {
    const del = (cls: string, key: unknown, simulate: boolean, auth?: Parameters<typeof rest>[2]) => call({ operation: 'core/delete', comment: 'c', class: cls, key, simulate }, auth);
    expect((await del('PhoneCall', 'SELECT PhoneCall WHERE ticket_id = 2', true)).json?.message).toBe('SIMULATING: Deleted: 1');
    expect((await get('PhoneCall', 2)).json?.message).toBe('Found: 1');
    expect((await del('Person', 42, false)).json?.message).toBe('The current user does not have enough permissions for deleting data of class Person');
    const cascade = await del('UserRequest', 37, false, ADMIN);
    expect(cascade.json?.message).toBe('Deleted: 1 plus (for DB integrity) 1');
    expect(cascade.json?.objects?.['PhoneCall::29']).toMatchObject({ code: 2, message: 'Deleted automatically' });
    expect((await get('PhoneCall', 29)).json?.message).toBe('Found: 0');
    // Carla Tiago is the mandatory agent of phone calls: they must be deleted explicitly first.
    const unsafe = await del('Person', 40, true, ADMIN);
    expect(unsafe.json?.code).toBe(12);
    expect(unsafe.json?.objects?.['PhoneCall::1']).toMatchObject({ code: 4, message: 'Must be deleted explicitely' });
    expect(unsafe.json?.objects?.['UserRequest::27']).toMatchObject({ code: 5, message: 'Reset external keys: agent_id' });
  });
});
