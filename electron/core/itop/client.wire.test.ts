import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest';
import { createItopClient } from './client';
import { caseLogItem } from './case-log';
import type { ItopClientDeps, ItopRequestInfo } from './types';
import { replyWith, startRecordingServer, type RecordingServer } from './testing/recording-server';

// What goes on the wire, checked on a real loopback server that answers with recorded iTop replies.
let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.respondWith(replyWith('01-list_operations'));
});

const client = (over: Partial<ItopClientDeps> = {}) =>
  createItopClient({ url: `${server.baseUrl}/itop/`, auth: { kind: 'password', user: 'cti', password: 'p+w d&=é' }, ...over });
const last = () => server.requests.at(-1)!;

describe('request encoding', () => {
  it('POSTs version, form credentials and json_data to <root>/webservices/rest.php', async () => {
    const r = await client().listOperations();
    expect(r.ok && r.value.version).toBe('1.3');
    const req = last();
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/itop/webservices/rest.php');
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req.headers.authorization).toBeUndefined();
    expect([...req.form.keys()]).toEqual(['version', 'auth_user', 'auth_pwd', 'json_data']);
    expect(req.form.get('auth_pwd')).toBe('p+w d&=é');
    expect(req.rawBody).toContain('auth_pwd=p%2Bw+d%26%3D%C3%A9');
    expect(req.json).toEqual({ operation: 'list_operations' });
  });

  it('keeps a full …/rest.php address as given', async () => {
    await client({ url: `${server.baseUrl}/x/webservices/rest.php` }).listOperations();
    expect(last().url).toBe('/x/webservices/rest.php');
  });

  it('sends HTTP Basic with no credentials in the body', async () => {
    await client({ auth: { kind: 'password', user: 'cti', password: 'sécret', via: 'basic' } }).listOperations();
    expect(last().headers.authorization).toBe(`Basic ${Buffer.from('cti:sécret').toString('base64')}`);
    expect(last().form.has('auth_user')).toBe(false);
    expect(last().form.has('auth_pwd')).toBe(false);
  });

  it('refuses HTTP Basic with a ":" in the password without sending anything', async () => {
    const r = await client({ auth: { kind: 'password', user: 'cti', password: 'a:b', via: 'basic' } }).listOperations();
    expect(r).toEqual({ ok: false, error: { kind: 'invalid-request', message: expect.stringMatching(/HTTP Basic cannot carry .*':'/) } });
    expect(server.requests).toHaveLength(0);
  });

  it('sends a token only in Auth-Token, never with an Authorization header', async () => {
    const token = 'aB+/9x==';
    await client({ auth: { kind: 'token', token } }).listOperations();
    expect(last().headers['auth-token']).toBe(token);
    expect(last().headers.authorization).toBeUndefined();
    expect([...last().form.keys()]).toEqual(['version', 'json_data']);
  });

  it('encodes get arguments as iTop names them', async () => {
    server.respondWith(replyWith('11d-get-person-limit-page'));
    const r = await client().get({ class: 'Person', key: "SELECT Person WHERE phone LIKE '+33%'", outputFields: ['friendlyname', 'phone'], limit: 3, page: 2 });
    expect(r).toMatchObject({ ok: true, value: { total: 70, objects: [{ key: '12' }, { key: '54' }, { key: '16' }] } });
    expect(last().json).toEqual({ operation: 'core/get', class: 'Person', key: "SELECT Person WHERE phone LIKE '+33%'", output_fields: 'friendlyname,phone', limit: 3, page: 2 });
    expect(last().rawBody).toContain('%2B33');
  });

  it('always sends a comment on writes, the default one unless given', async () => {
    server.respondWith(replyWith('05-create-userrequest'));
    const c = client({ defaultComment: 'CTI desk' });
    await c.create({ class: 'UserRequest', fields: { title: 'Zoé’s printer', caller_id: 2 } });
    expect(last().json).toEqual({ operation: 'core/create', class: 'UserRequest', comment: 'CTI desk', output_fields: 'id', fields: { title: 'Zoé’s printer', caller_id: 2 } });
    server.respondWith(replyWith('17-update-userrequest-public-log'));
    await c.update({ class: 'UserRequest', key: 1, comment: 'Call logged', outputFields: '*+', fields: { public_log: caseLogItem('Called back') } });
    expect(last().json).toMatchObject({ comment: 'Call logged', key: 1, output_fields: '*+', fields: { public_log: { add_item: { message: 'Called back', format: 'text' } } } });
    await c.applyStimulus({ class: 'UserRequest', key: 1, stimulus: 'ev_resolve' });
    expect(last().json).toMatchObject({ operation: 'core/apply_stimulus', stimulus: 'ev_resolve', fields: {}, comment: 'CTI desk' });
    server.respondWith(replyWith('19-delete-phonecall'));
    const d = await c.delete({ class: 'PhoneCall', key: 30 });
    expect(last().json).toEqual({ operation: 'core/delete', class: 'PhoneCall', key: 30, comment: 'CTI desk', simulate: false });
    expect(d).toMatchObject({ ok: true, value: { message: 'Deleted: 1', objects: [{ class: 'PhoneCall', key: '30', code: 0 }] } });
  });

  it('asks who the agent is with iTop’s magic placeholder, and says null when nobody', async () => {
    server.respondWith(replyWith('04-get-userrequest-open'));
    expect(await client().whoAmI()).toEqual({ ok: true, value: null });
    expect(last().json).toMatchObject({ class: 'Person', key: 'SELECT Person WHERE id = :current_contact_id' });
  });

  it('refuses bad arguments before sending, naming the operation and argument', async () => {
    const c = client();
    const cases = [
      [c.get({ class: 'Person', key: '  ' }), /^core\/get: key: /],
      [c.get({ class: 'Per son', key: 1 }), /^core\/get: class: /],
      [c.get({ class: 'Person', key: 1, page: 0 }), /^core\/get: page: pages start at 1/],
      [c.get({ class: 'Person', key: 1, outputFields: [] }), /^core\/get: outputFields: /],
      [c.get({ class: 'Person', key: -4 }), /^core\/get: key: /],
      [c.create({ class: 'Person', fields: { n: 10n } }), /^core\/create: the data cannot be sent as JSON/],
      [c.update({ class: 'Person', key: 1, fields: {}, comment: ' ' }), /^core\/update: comment: a comment is required/],
      [createItopClient({ url: 'ftp://x', auth: { kind: 'token', token: 't' } }).listOperations(), /must start with http/],
      [createItopClient({ url: server.baseUrl, auth: { kind: 'token', token: 'a b' } }).listOperations(), /token.*spaces/],
    ] as const;
    for (const [promise, message] of cases) expect(await promise).toEqual({ ok: false, error: { kind: 'invalid-request', message: expect.stringMatching(message) } });
    expect(server.requests).toHaveLength(0);
  });

  it('reports every request to onRequest, and survives an onRequest that throws', async () => {
    const seen: ItopRequestInfo[] = [];
    let t = 0;
    const c = client({ now: () => (t += 5), onRequest: (i) => seen.push(i) });
    await c.listOperations();
    server.respondWith(replyWith('09-wrong-password'));
    await c.listOperations();
    expect(seen).toEqual([
      { operation: 'list_operations', durationMs: 5, outcome: 'ok', httpStatus: 200 },
      { operation: 'list_operations', durationMs: 5, outcome: 'itop', itopCode: 1, httpStatus: 200 },
    ]);
    const throwing = client({ onRequest: () => { throw new Error('metrics down'); } });
    expect(await throwing.listOperations()).toMatchObject({ ok: false, error: { kind: 'itop', code: 1 } });
  });
});
