/**
 * Transport, login and envelope behaviours of rest.php beyond the recordings (doc §1, §9 items 1-4),
 * against the real simulator process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_TOKENS, SIM_USERS } from './credentials';
import { startSimulator, type RunningSimulator } from './spawn';
import { answer, CTI, rest } from './test-client';

const LIST = { operation: 'list_operations' };
const basic = (pair: string): Record<string, string> => ({ Authorization: `Basic ${Buffer.from(pair).toString('base64')}` });

describe('rest.php protocol', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ tokenLogin: true, users: ['colon:pa:ss', 'extra:extra-password'] });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('reads every parameter from the query string of a GET, with Basic auth', async () => {
    const q = new URLSearchParams({ version: '1.3', json_data: JSON.stringify({ operation: 'core/get', class: 'Person', key: 40, output_fields: 'friendlyname' }) });
    const a = await answer(await fetch(`${sim.url}?${q}`, { headers: basic('cti:cti-password') }));
    expect(a.json?.objects?.['Person::40']?.fields).toEqual({ friendlyname: 'Carla Tiago' });
  });

  it('does not take form credentials from the query string (LoginForm reads POST only)', async () => {
    const q = new URLSearchParams({ version: '1.3', auth_user: 'cti', auth_pwd: 'cti-password', json_data: JSON.stringify(LIST) });
    expect((await answer(await fetch(`${sim.url}?${q}`))).text).toBe('{"code":1,"message":"Error: Invalid login"}');
  });

  it('accepts multipart bodies, json_data included as a file upload', async () => {
    const form = new FormData();
    form.set('auth_user', 'cti');
    form.set('auth_pwd', 'cti-password');
    form.set('json_data', new Blob([JSON.stringify(LIST)], { type: 'application/json' }), 'request.json');
    const a = await answer(await fetch(`${sim.url}?version=1.3`, { method: 'POST', body: form }));
    expect(a.json?.message).toBe('Operations: 7');
  });

  it('answers JSON-P when a callback is given', async () => {
    const a = await rest(sim.url, { operation: 'core/check_credentials', user: 'cti', password: 'cti-password' }, CTI, { callback: 'cb' });
    expect([a.contentType, a.text]).toEqual(['application/javascript', 'cb({"code":0,"message":null,"authorized":true});']);
  });

  it('checks in iTop order: login, version, json_data, JSON, version support, operation', async () => {
    const post = (body: string) => fetch(sim.url, { method: 'POST', body: new URLSearchParams(body) }).then(answer);
    expect((await post('json_data={}')).json).toEqual({ code: 1, message: 'Error: Invalid login' });
    expect((await post('auth_user=cti&auth_pwd=cti-password&json_data={}')).json?.code).toBe(2);
    const v = (version: string, json: string) => post(`auth_user=cti&auth_pwd=cti-password&version=${version}&json_data=${encodeURIComponent(json)}`);
    expect((await v('1.3', '[]')).json?.code).toBe(4);
    expect((await v('1.3', '"0"')).json?.code).toBe(4);
    expect((await v('1.5', '{}')).json).toEqual({ code: 10, message: "Error: There is no service available for version '1.5'" });
    expect((await v('1.0', '{}')).json).toEqual({ code: 100, message: "Error: Missing parameter 'operation'" });
    expect((await v('1.4', '[1]')).json?.code).toBe(100);
  });

  it('refuses a token behind another Authorization header, expired and wrong-scope tokens', async () => {
    const headers = { 'Auth-Token': SIM_TOKENS.ctiPersonal };
    expect((await rest(sim.url, LIST, { headers })).json?.code).toBe(0);
    expect((await rest(sim.url, LIST, { headers: { ...headers, Authorization: `Bearer ${SIM_TOKENS.ctiPersonal}` } })).json?.code).toBe(1);
    expect((await rest(sim.url, LIST, { headers: { 'Auth-Token': SIM_TOKENS.ctiExpired } })).json?.code).toBe(1);
    expect((await rest(sim.url, LIST, { headers: { 'Auth-Token': SIM_TOKENS.ctiWrongScope } })).json?.code).toBe(1);
  });

  it('answers plain text when token login is forced without a token', async () => {
    const a = await rest(sim.url, LIST, 'none', { login_mode: 'token' });
    expect([a.json, a.text]).toEqual([undefined, "login_mode 'token' forced without any token passed"]);
  });

  it('splits Basic credentials on ":" like iTop, so such passwords only work with form login', async () => {
    expect((await rest(sim.url, LIST, { headers: basic('colon:pa:ss') })).json?.code).toBe(1);
    expect((await rest(sim.url, LIST, { user: 'colon', password: 'pa:ss' })).json?.code).toBe(0);
    expect((await rest(sim.url, LIST, { user: 'extra', password: 'extra-password' })).json?.code).toBe(0);
  });

  it('refuses portal users and users without the REST profile with their own messages', async () => {
    const portal = await rest(sim.url, LIST, { user: SIM_USERS.portal.login, password: SIM_USERS.portal.password });
    expect(portal.text).toBe('{"code":1,"message":"Error: Portal user is not allowed"}');
    const admin = await rest(sim.url, LIST, { user: SIM_USERS.admin.login, password: SIM_USERS.admin.password });
    expect(admin.json?.message).toContain('REST Services User is required');
  });

  it('resolves :current_contact_id to the caller of a personal token, and to nothing for an application token', async () => {
    const query = { operation: 'core/get', class: 'Person', key: 'SELECT Person WHERE id = :current_contact_id', output_fields: 'friendlyname' };
    expect((await rest(sim.url, query, { headers: { 'Auth-Token': SIM_TOKENS.ctiPersonal } })).json?.message).toBe('Found: 1');
    expect((await rest(sim.url, query, { headers: { 'Auth-Token': SIM_TOKENS.ctiApp } })).text).toBe('{"code":0,"message":"Found: 0","objects":null}');
  });

  it('answers a PHP fatal error page for "key": "" (FromOQL returns null)', async () => {
    const a = await rest(sim.url, { operation: 'core/get', class: 'Person', key: '' });
    expect([a.status, a.json]).toEqual([500, undefined]);
  });
});

describe('without the telephony extension', () => {
  it('does not know PhoneCall', async () => {
    const sim = await startSimulator({ noPhoneCall: true });
    try {
      const a = await rest(sim.url, { operation: 'core/get', class: 'PhoneCall', key: 'SELECT PhoneCall' });
      expect(a.text).toBe('{"code":100,"message":"Error: class: \'PhoneCall\' is not a valid class\'"}');
    } finally {
      await sim.stop();
    }
  });
});
