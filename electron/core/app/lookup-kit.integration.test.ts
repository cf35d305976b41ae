import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig, type AppConfig } from '../../../shared/config';
import type { ExternalNumber } from '../../../shared/phone';
import { normalizeIncoming } from '../../../shared/phone';
import { startDemoItop, type DemoItop } from '../../cli/demo-itop';
import { createItopClient } from '../itop';
import { createLookupKit, type LookupKit } from './lookup-kit';

// The real simulator process over real HTTP (no faked iTop answers).
let sim: DemoItop;
let requests = 0;

const configFor = (itop: DemoItop['itop'], telephony: Record<string, unknown> = {}, phone: Record<string, unknown> = {}): AppConfig =>
  validateConfig({ itop, phone: { defaultRegion: 'FR', ...phone }, telephony, cti: { token: 'x'.repeat(24) } }, { agentTimeZone: 'Europe/Paris' }).config;

const kitFor = (config: AppConfig): LookupKit =>
  createLookupKit({ config, language: 'en', now: () => performance.now(), onRequest: () => void (requests += 1) });

const lookupAll = async (kit: LookupKit, raw: string) => {
  const number = normalizeIncoming(raw, kit.phone) as ExternalNumber;
  expect(number.kind).toBe('external');
  const outcome = kit.callers.lookup({ raw, number });
  const merged = outcome.pending ? await outcome.pending : undefined;
  return { outcome, matches: (merged?.ok ? merged.value : outcome.immediate)?.matches ?? [] };
};

beforeAll(async () => {
  const started = await startDemoItop(['--no-phonecall']);
  if (!started.ok) throw new Error(started.error.message);
  sim = started.value;
  // As an administrator, store a number the way the issue's example writes it.
  const admin = createItopClient({ url: sim.url, auth: { kind: 'password', user: 'ctiadmin', password: 'ctiadmin-password' } });
  const created = await admin.create({ class: 'Person', fields: { name: 'Exemple', first_name: 'Issue', org_id: 4, phone: '+33 (0)1 23 45 67 89' }, outputFields: ['id'] });
  if (!created.ok) throw new Error(JSON.stringify(created.error));
});
afterAll(async () => {
  await sim?.stop();
});

describe('caller lookup against the simulator', () => {
  it('finds "+33 (0)1 23 45 67 89" for 0123456789, +33123456789 and 0033123456789 from the index, confirmed at once, then re-checked in one request', async () => {
    const kit = kitFor(configFor(sim.itop));
    expect((await kit.index.rebuild()).ok).toBe(true);
    for (const raw of ['0123456789', '+33123456789', '0033123456789']) {
      const before = requests;
      const { outcome, matches } = await lookupAll(kit, raw);
      expect(outcome.immediate?.matches.find((m) => m.name === 'Issue Exemple')).toMatchObject({ confidence: 'confirmed' });
      expect(outcome.pending).toBeUndefined(); // no caller query: only the call-time check by id
      expect((await outcome.recheck)?.matches.find((m) => m.name === 'Issue Exemple')).toMatchObject({ confidence: 'confirmed' });
      expect(requests).toBe(before + 1);
      const issue = matches.find((m) => m.name === 'Issue Exemple');
      expect(issue).toMatchObject({ confidence: 'confirmed', matchedAttribute: 'phone' });
    }
  });

  it("finds the German organization's 030/1234568 for +49301234568 when the org's region is DE", async () => {
    const kit = kitFor(configFor(sim.itop, {}, { orgRegions: { 'Globex GmbH': 'DE' } }));
    await kit.index.rebuild();
    const { matches } = await lookupAll(kit, '+49301234568');
    expect(matches[0]).toMatchObject({ name: 'Lukas Schmidt', confidence: 'confirmed', matchedAttribute: 'phone', organization: 'Globex GmbH' });
  });

  it('without an index, asks iTop with a digits query and keeps only verified hits', async () => {
    const kit = kitFor(configFor(sim.itop));
    const { outcome, matches } = await lookupAll(kit, '0123456789');
    expect(outcome.immediate).toBeUndefined();
    expect(outcome.oql).toContain("LIKE '%2%3%4%5%6%7%8%9%'");
    expect(matches.filter((m) => m.confidence === 'confirmed').map((m) => m.name).sort()).toEqual(['Camille Martin', 'Issue Exemple']);
  });

  it('runs a custom caller query with the extra placeholders and verifies its hits against the number', async () => {
    const kit = kitFor(configFor(sim.itop, {
      url_parameters: { phone: 'phone', mailaddress: 'email' },
      caller_information: { query: 'SELECT Person WHERE email = :email OR phone LIKE :phone_digits_like' },
    }));
    await kit.index.rebuild();
    const number = normalizeIncoming('+49 30 1234568', kit.phone) as ExternalNumber;
    const outcome = kit.callers.lookup({ raw: '+49 30 1234568', number, attributes: { email: 'anna.gavalda@it.com' } });
    const merged = await outcome.pending;
    expect(outcome.oql).toContain("email = 'anna.gavalda@it.com'");
    expect(outcome.oql).toContain("'%4%9%3%0%1%2%3%4%5%6%8%'");
    if (!merged?.ok) throw new Error(merged?.error ?? 'no query ran');
    // Anna Gavalda (no phone) is found by her e-mail only: kept as probable, never confirmed; Lukas by his number: confirmed.
    expect(merged.value.matches.find((m) => m.name === 'Anna Gavalda')?.confidence).toBe('probable');
    // Without orgRegions his 030/1234568 is read as French: same last 8 digits, so probable, not confirmed.
    expect(merged.value.matches.find((m) => m.name === 'Lukas Schmidt')?.confidence).toBe('probable');
  });
});

describe('ticket lists against the simulator', () => {
  const lists = [
    { enabled: true, label: 'Mine', query: "SELECT UserRequest AS u WHERE u.caller_id IN (:callers_list) AND u.status != 'closed'" },
    { enabled: true, label: 'Broken', query: 'SELECT UserRequest AS u WHERE u.no_such_field IN (:callers_list)' },
    { enabled: true, label: 'Calls', query: 'SELECT PhoneCall AS p WHERE p.contact_id IN (:callers_list)' },
    { enabled: false, label: 'Off', query: 'SELECT Problem' },
  ];

  it('shows each list with its own state: done, error, skipped (class missing), one request per enabled list, 0 for a repeat', async () => {
    const kit = kitFor(configFor(sim.itop, { display_tickets: { lists } }));
    const number = normalizeIncoming('+33123456789', kit.phone) as ExternalNumber;
    const params = kit.callers.placeholders({ raw: '+33123456789', number });
    const before = requests;
    const views = await kit.lists.load('call-1|42', ['42'], params);
    expect(requests - before).toBe(3);
    expect(views.map((v) => [v.label, v.state])).toEqual([['Mine', 'done'], ['Broken', 'error'], ['Calls', 'skipped']]);
    expect(views[0]?.tickets.map((t) => t.ref)).toContain('R-000002');
    expect(views[0]?.tickets[0]).toMatchObject({ class: 'UserRequest', status: expect.any(String) });
    expect(views[1]?.error).toMatch(/no_such_field/);
    // The skipped class is remembered: the next call costs one request less; a duplicate costs nothing.
    const again = requests;
    await kit.lists.load('call-2|42', ['42'], params);
    expect(requests - again).toBe(2);
    const dup = requests;
    await kit.lists.load('call-2|42', ['42'], params);
    expect(requests).toBe(dup);
  });

  it('"Unknown contact" shows no lists and costs no request', async () => {
    const kit = kitFor(configFor(sim.itop, { display_tickets: { lists } }));
    const before = requests;
    expect(await kit.lists.load('call-3|', [], {})).toEqual([]);
    expect(kit.lists.initial([])).toEqual([]);
    expect(requests).toBe(before);
  });

  it('fetches at most lists.maxRows tickets per list and still says how many match', async () => {
    const config = configFor(sim.itop); // the extension's lists: the caller's, then the organization's
    const all = (await kitFor(config).lists.load('e|42', ['42'], {}))[1];
    const capped = (await kitFor({ ...config, lists: { ...config.lists, maxRows: 5 } }).lists.load('f|42', ['42'], {}))[1];
    expect(all?.tickets.length).toBeGreaterThan(5);
    expect(capped?.tickets.map((t) => t.ref)).toEqual(all?.tickets.slice(0, 5).map((t) => t.ref));
    expect(capped?.total).toBe(all?.tickets.length);
  });

  it('drops an output field iTop refuses and remembers it', async () => {
    const config = configFor(sim.itop, { display_tickets: { lists: [lists[0]] } });
    const kit = kitFor({ ...config, lists: { ...config.lists, fields: ['ref', 'title', 'status', 'not_a_field'] } });
    const views = await kit.lists.load('c|42', ['42'], {});
    expect(views[0]?.state).toBe('done');
    const before = requests;
    await kit.lists.load('d|42', ['42'], {});
    expect(requests - before).toBe(1);
  });
});
