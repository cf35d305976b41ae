import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../../shared/config';
import { startDemoItop, type DemoItop } from '../../cli/demo-itop';
import { createItopClient } from '../itop';
import { readerFromClient } from '../lookup/itop-reader';
import { DEFAULT_PHONE_ATTRIBUTES, personOutputFields, toPersonRecord } from '../lookup/person-record';
import { createCallActionsReader } from './call-actions-reader';
import { createTicketResolver } from './ticket-resolver';

// The real simulator process (recorded instance) over real HTTP.
let sim: DemoItop;
let reader: ReturnType<typeof readerFromClient>;

const configWith = (telephony: Record<string, unknown>, dial: Record<string, unknown> = {}) =>
  validateConfig({ phone: { defaultRegion: 'FR' }, dial, telephony, cti: { token: 'x'.repeat(24) } }, { agentTimeZone: 'Europe/Paris' }).config;
const V12 = {
  ecall_parameters: {
    url: 'https://myctiserver/index.php',
    url_parameters: {
      phone: { icon: 'fas fa-phone', attributes: { telephone: 'phone', mailaddress: 'email' } },
      mobile_phone: { icon: 'fa fa-mobile', attributes: { telephone: 'mobile_phone' } },
      fax: { icon: 'fas fa-fax', attributes: { telephone: 'fax_number' } },
    },
  },
};

beforeAll(async () => {
  const started = await startDemoItop();
  if (!started.ok) throw new Error(started.error.message);
  sim = started.value;
  reader = readerFromClient(createItopClient({ url: sim.url, auth: { kind: 'password', user: sim.itop.user, password: sim.itop.password } }));
});
afterAll(async () => {
  await sim?.stop();
});

describe('call actions read from iTop', () => {
  it("gives the ticket caller's actions with formatted numbers; an attribute iTop lacks is dropped, not fatal", async () => {
    const actions = createCallActionsReader({ reader, config: () => configWith(V12, { format: 'national' }) });
    const result = await actions.forTicket({ class: 'UserRequest', id: '2' });
    expect(result).toEqual({
      ok: true,
      value: {
        ticket: { class: 'UserRequest', id: '2' },
        callee: { personId: '42', name: 'Camille Martin' },
        actions: [
          { name: 'phone', icon: 'fas fa-phone', attribute: 'phone', raw: '+33 1 23 45 67 89', display: '01 23 45 67 89', e164: '+33123456789', dialString: '0123456789' },
          { name: 'mobile_phone', icon: 'fa fa-mobile', attribute: 'mobile_phone', raw: '+33 6 12 34 56 78', display: '06 12 34 56 78', e164: '+33612345678', dialString: '0612345678' },
        ],
      },
    });
  });

  it('hides the action of an empty attribute (Léa Dubois has no mobile) and uses the legacy form', async () => {
    const actions = createCallActionsReader({ reader, config: () => configWith({ ecall_parameters: { url: 'https://cti/x', url_parameters: { telephone: 'mobile_phone' } } }) });
    expect(await actions.forPerson('44')).toEqual({ ok: true, value: [] });
    const v12 = createCallActionsReader({ reader, config: () => configWith(V12) });
    expect(await v12.forPerson('44')).toMatchObject({ ok: true, value: [{ name: 'phone', dialString: '+33123456791' }] });
    expect(await v12.forPerson('999999')).toMatchObject({ ok: false, error: { code: 'dial.person-not-found' } });
    expect(await v12.forPerson('1 OR 1=1')).toMatchObject({ ok: false, error: { code: 'dial.person-invalid' } });
  });

  it("uses the phone index's copy of the Person when it holds every attribute: same actions, no request", async () => {
    const indexFields = personOutputFields(DEFAULT_PHONE_ATTRIBUTES, ['friendlyname', 'org_name']);
    const read = await reader.get({ class: 'Person', key: '42', outputFields: indexFields });
    const record = read.ok && read.value.objects[0] ? toPersonRecord(read.value.objects[0], DEFAULT_PHONE_ATTRIBUTES) : undefined;
    if (!record) throw new Error('Person 42 could not be read');
    let requests = 0;
    const counted: typeof reader = { get: (q) => ((requests += 1), reader.get(q)) };
    const legacy = { ecall_parameters: { url: 'https://cti/x', url_parameters: { telephone: 'phone' } } };
    const fromIndex = createCallActionsReader({ reader: counted, config: () => configWith(legacy), indexed: (id) => (id === '42' ? record : undefined) });
    const fromItop = createCallActionsReader({ reader, config: () => configWith(legacy) });
    expect(await fromIndex.forPerson('42')).toEqual(await fromItop.forPerson('42'));
    expect(requests).toBe(0);
    // V12 also maps e-mail and fax_number, which the index does not hold: then iTop is asked.
    const v12 = createCallActionsReader({ reader: counted, config: () => configWith(V12), indexed: () => record });
    expect(await v12.forPerson('42')).toMatchObject({ ok: true, value: [{ name: 'phone' }, { name: 'mobile_phone' }] });
    expect(requests).toBe(2); // one, then a retry without fax_number (an attribute this iTop lacks)
  });

  it('says when the ticket does not exist', async () => {
    const actions = createCallActionsReader({ reader, config: () => configWith(V12) });
    expect(await actions.forTicket({ class: 'UserRequest', id: '99999' })).toMatchObject({ ok: false, error: { code: 'dial.ticket-not-found' } });
  });
});

describe('createTicketResolver', () => {
  it('finds a ticket by ref or id with its final class, and refuses injection', async () => {
    const resolve = createTicketResolver(reader);
    expect(await resolve('R-000002')).toEqual({ ok: true, value: { class: 'UserRequest', id: '2', ref: 'R-000002' } });
    expect(await resolve('3')).toEqual({ ok: true, value: { class: 'Incident', id: '3', ref: 'I-000003' } });
    expect(await resolve('R-999999')).toMatchObject({ ok: false, error: { code: 'dial.ticket-not-found' } });
    expect(await resolve("R' OR 1=1")).toMatchObject({ ok: false, error: { code: 'dial.ticket-invalid' } });
  });
});
