import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppConfigSchema } from './app-config';
import { serializeConfig, validateConfig } from './validate-config';

const opts = { agentTimeZone: 'Europe/Paris', generateToken: () => 'generated-token-0123456789' };
const pathsOf = (issues: { path: string; severity: string }[]) => issues.map((i) => `${i.severity}:${i.path}`);

describe('validateConfig', () => {
  it('gives the documented defaults for an empty config, and says the bridge token was generated', () => {
    const { config, issues } = validateConfig({}, opts);
    expect(config.itop).toEqual({ url: '', auth: 'password', user: '', password: '', token: '', basicAuth: false, timeoutMs: 10000, serverTimeZone: 'Europe/Paris', version: '1.3' });
    expect(config.cti).toEqual({ port: 4571, token: 'generated-token-0123456789', dedupeWindowMs: 5000 });
    expect(config.web.port).toBe(4572);
    expect(config.phone).toEqual({ defaultRegion: 'FR', outsideLinePrefix: '', extensionPattern: '^\\d{2,5}$', suffixDigits: 8, extraAttributes: [], orgRegions: {} });
    expect(config.index).toEqual({ refreshMinutes: 10, cycleHours: 24, keepOnDisk: true, pageSize: 5000 });
    expect(config.lists.fields).toEqual(['ref', 'title', 'status', 'priority', 'caller_id_friendlyname', 'agent_id_friendlyname', 'start_date', 'last_update']);
    expect(config.journal).toEqual({ phoneCallClass: 'PhoneCall', fields: { contact: 'contact_id', agent: 'agent_id', ticket: 'ticket_id', date: 'date', flow: 'flow', note: 'note' }, alsoLogOnTicket: 'none' });
    expect(config.ui).toEqual({ language: 'auto', ringPopup: true, autoHideSeconds: 10, doNotDisturb: false });
    expect(config.telephony.url_parameters).toEqual({ phone: 'phone' });
    expect(issues).toEqual([expect.objectContaining({ path: 'cti.token', severity: 'warning' })]);
  });

  it('infers token auth from a token', () => {
    expect(validateConfig({ itop: { url: 'https://itop.example/', token: 'abc' } }, opts).config.itop.auth).toBe('token');
  });

  it('falls back value by value, naming each offending key; unknown keys are warnings', () => {
    const { config, issues } = validateConfig({
      $comment: 'mine',
      itop: { url: 'ftp://itop', timeoutMs: 'fast', serverTimeZone: 'Mars/Olympus', user: 'agent' },
      cti: { port: 70000, token: 'a-long-enough-token-1234' },
      phone: { defaultRegion: 'XX', orgRegions: { '12': 'BE', Acme: 'zz' }, extensionPattern: '([' },
      ui: { language: 'klingon', colour: 'red' },
      surprise: true,
    }, opts);
    expect(config.$comment).toBe('mine');
    expect(config.itop).toMatchObject({ url: '', timeoutMs: 10000, serverTimeZone: 'Europe/Paris', user: 'agent' });
    expect(config.cti).toMatchObject({ port: 4571, token: 'a-long-enough-token-1234' });
    expect(config.phone).toMatchObject({ defaultRegion: 'FR', orgRegions: { '12': 'BE' }, extensionPattern: '^\\d{2,5}$' });
    expect(config.ui.language).toBe('auto');
    expect(pathsOf(issues).sort()).toEqual([
      'error:cti.port', 'error:itop.serverTimeZone', 'error:itop.timeoutMs', 'error:itop.url', 'error:phone.defaultRegion',
      'error:phone.extensionPattern', 'error:phone.orgRegions.Acme', 'error:ui.language', 'warning:surprise', 'warning:ui.colour',
    ]);
    expect(issues.find((i) => i.path === 'itop.timeoutMs')?.message).toMatch(/got "fast".*default 10000/);
  });

  it('a section of the wrong type, or a config that is not an object, uses defaults with one error', () => {
    const section = validateConfig({ phone: 'FR' }, opts);
    expect(section.config.phone.defaultRegion).toBe('FR');
    expect(pathsOf(section.issues)).toContain('error:phone');
    const whole = validateConfig([1, 2], opts);
    expect(whole.config.web.port).toBe(4572);
    expect(whole.issues[0]).toMatchObject({ path: '', severity: 'error' });
  });

  it('checks the telephony OQL: syntax (quoting iTop), unknown placeholders, presets', () => {
    const { config, issues } = validateConfig({
      telephony: {
        url_parameters: { phone: 'phone', mail: 'email' },
        caller_information: { query: 'select Person' },
        display_tickets: { lists: [
          { enabled: true, label: 'ok', query: 'SELECT Ticket WHERE caller_id IN (:callers_list) AND org_id = :current_contact->org_id AND x = :email' },
          { enabled: true, label: 'typo', query: 'SELECT Ticket WHERE caller_id = :caller' },
          { enabled: true, label: 'missing' },
        ] },
        indirect_creation: { Incident: { enabled: true, preset: { org_id: 'SELECT Organization WHERE id = :selected', caller_id: ':selected_caller', agent_id: ':current_user_id' } } },
      },
    }, opts);
    const lists = config.telephony.display_tickets.lists;
    expect(lists.map((l) => l.enabled)).toEqual([true, false, false]);
    expect(lists[1]?.query).toBe('SELECT Ticket WHERE caller_id = :caller'); // kept so it can be fixed
    expect(config.telephony.caller_information.query).toBe('SELECT Person WHERE phone LIKE :phone OR mobile_phone LIKE :phone');
    expect(config.telephony.indirect_creation['Incident']?.preset).toEqual({ caller_id: ':selected_caller' });
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]));
    expect(byPath['telephony.caller_information.query']).toMatch(/OQLParserSyntaxErrorException: Unexpected token.*default query/);
    expect(byPath['telephony.display_tickets.lists[1].query']).toMatch(/unknown placeholder :caller /);
    expect(byPath['telephony.display_tickets.lists[2].query']).toMatch(/query is empty/);
    expect(byPath['telephony.indirect_creation.Incident.preset.org_id']).toMatch(/:selected .*not applied/);
    expect(byPath['telephony.indirect_creation.Incident.preset.agent_id']).toMatch(/:current_user_id/);
    expect(byPath['telephony.display_tickets.lists[0].query']).toBeUndefined();
  });

  it('cross-checks: token auth without token, ":" in a Basic password, same ports', () => {
    const { issues } = validateConfig({ itop: { url: 'https://i/', auth: 'token', password: 'a:b', basicAuth: true }, web: { port: 4571 } }, opts);
    expect(pathsOf(issues)).toEqual(expect.arrayContaining(['error:itop.token', 'error:itop.password', 'error:web.port']));
  });

  it('serializeConfig writes the telephony block in the extension form, which reads back identically', () => {
    const first = validateConfig({ telephony: { ecall_parameters: { url: 'https://cti/', url_parameters: { telephone: 'phone' } } } }, opts);
    const file = JSON.parse(JSON.stringify(serializeConfig(first.config))) as Record<string, unknown>;
    expect(file['telephony']).toMatchObject({ ecall_parameters: { url: 'https://cti/', url_parameters: { telephone: 'phone' } } });
    const again = validateConfig(file, opts);
    expect(again.config).toEqual(first.config);
    expect(again.issues).toEqual([]);
  });

  it('AppConfigSchema parses {} to the same defaults', () => {
    const parsed = AppConfigSchema.parse({});
    const { config } = validateConfig({}, opts);
    expect({ ...parsed, itop: { ...parsed.itop, serverTimeZone: 'Europe/Paris' }, cti: { ...parsed.cti, token: config.cti.token } }).toEqual(config);
  });

  it('never throws and always yields a complete config, whatever the JSON', () => {
    const sections = fc.constantFrom('itop', 'cti', 'web', 'phone', 'index', 'lists', 'journal', 'dial', 'ui', 'telephony', '__proto__', 'x');
    const raw = fc.oneof(fc.jsonValue(), fc.dictionary(sections, fc.jsonValue()), fc.dictionary(sections, fc.dictionary(fc.string({ maxLength: 20 }), fc.jsonValue())));
    fc.assert(fc.property(raw, (value) => {
      const { config, issues } = validateConfig(value, opts);
      expect(config.web.port).toBeGreaterThan(0);
      expect(Array.isArray(config.telephony.display_tickets.lists)).toBe(true);
      for (const i of issues) expect(i.message.length).toBeGreaterThan(0);
    }), { numRuns: 300 });
  });
});
