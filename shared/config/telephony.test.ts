import { describe, expect, it } from 'vitest';
import { localizedLabel, substituteLabel } from './localized-label';
import { parseTelephony } from './telephony';

describe('parseTelephony', () => {
  it('gives exactly the extension XML defaults when the block is absent', () => {
    const { telephony, issues } = parseTelephony(undefined);
    expect(issues).toEqual([]);
    expect(telephony.url_parameters).toEqual({ phone: 'phone' });
    expect(telephony.caller_information).toEqual({
      label: 'Contacts with phone number $phone$',
      query: 'SELECT Person WHERE phone LIKE :phone OR mobile_phone LIKE :phone',
      display_name: ['friendlyname', 'org_name'],
    });
    expect(telephony.direct_creation['UserRequest']?.enabled).toBe(false);
    expect(Object.keys(telephony.indirect_creation)).toEqual(['UserRequest', 'Person']);
    expect(telephony.indirect_creation['Person']).toEqual({ enabled: true, preset: { phone: ':phone' } });
    expect(telephony.display_tickets.lists.map((l) => l.label)).toEqual([
      'User Requests opened for this caller',
      'User Requests opened for the organization of the caller',
    ]);
    expect(telephony.ecall_parameters).toBeNull();
  });

  it('falls back per top-level key, like iTop module settings', () => {
    const { telephony } = parseTelephony({ url_parameters: { telephone: 'phone', mailaddress: 'email' } });
    expect(telephony.url_parameters).toEqual({ telephone: 'phone', mailaddress: 'email' });
    expect(telephony.display_tickets.lists).toHaveLength(2);
  });

  it('keeps the configured order of creation entries (the first enabled direct entry wins)', () => {
    const { telephony } = parseTelephony({
      direct_creation: { Zeta: { enabled: false }, Incident: { enabled: true }, Alpha: { enabled: true } },
    });
    expect(Object.keys(telephony.direct_creation)).toEqual(['Zeta', 'Incident', 'Alpha']);
    expect(Object.entries(telephony.direct_creation).find(([, e]) => e.enabled)?.[0]).toBe('Incident');
  });

  it('normalizes the 1.1 and 1.2 e-call forms into actions', () => {
    const v11 = parseTelephony({ ecall_parameters: { url: 'https://cti/x', url_parameters: { telephone: 'phone' } } });
    expect(v11.telephony.ecall_parameters).toEqual({
      url: 'https://cti/x',
      actions: [{ name: 'legacy', icon: 'fas fa-phone', attributes: { telephone: 'phone' }, legacy: true }],
    });
    const v12 = parseTelephony({
      ecall_parameters: {
        url: 'https://cti/x',
        url_parameters: { mobile_phone: { icon: 'fa fa-mobile', attributes: { telephone: 'mobile_phone' } } },
      },
    });
    expect(v12.telephony.ecall_parameters?.actions).toEqual([
      { name: 'mobile_phone', icon: 'fa fa-mobile', attributes: { telephone: 'mobile_phone' }, legacy: false },
    ]);
  });

  it('reports a mixed or broken e-call block and turns the feature off', () => {
    const mixed = parseTelephony({
      ecall_parameters: { url: 'https://cti/x', url_parameters: { telephone: 'phone', m: { attributes: { t: 'mobile_phone' } } } },
    });
    expect(mixed.telephony.ecall_parameters).toBeNull();
    expect(mixed.issues.some((i) => i.path.startsWith('telephony.ecall_parameters') && i.severity === 'error')).toBe(true);
    const badUrl = parseTelephony({ ecall_parameters: { url: 'javascript:alert(1)', url_parameters: {} } });
    expect(badUrl.telephony.ecall_parameters).toBeNull();
    expect(badUrl.issues[0]).toMatchObject({ path: 'telephony.ecall_parameters.url', severity: 'error' });
  });

  it('keeps localized labels, warns about unknown keys, names the offending path', () => {
    const { telephony, issues } = parseTelephony({
      display_tickets: { lists: [{ enabled: 1, label: 'A', 'label/FR FR': 'Un', colour: 'red', query: 'SELECT Ticket' }] },
    });
    expect(telephony.display_tickets.lists[0]).toEqual({ enabled: true, label: 'A', 'label/FR FR': 'Un', query: 'SELECT Ticket' });
    expect(issues).toEqual([
      { path: 'telephony.display_tickets.lists[0].colour', severity: 'warning', message: 'unknown key "colour" is ignored' },
    ]);
  });

  it('replaces an invalid value by its default, drops an invalid map entry, and says which', () => {
    const { telephony, issues } = parseTelephony({
      caller_information: { label: 42 },
      url_parameters: { 'bad key!': 'phone', tel: 'phone', mail: 5 },
    });
    expect(telephony.caller_information.label).toBe('Contacts with phone number $phone$');
    expect(telephony.url_parameters).toEqual({ tel: 'phone' });
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i]));
    expect(byPath['telephony.caller_information.label']?.message).toMatch(/got 42.*default "Contacts with phone number \$phone\$" is used/);
    expect(byPath['telephony.url_parameters["bad key!"]']?.message).toMatch(/key "bad key!" is invalid.*ignored/);
    expect(byPath['telephony.url_parameters.mail']).toMatchObject({ severity: 'error', message: expect.stringMatching(/got 5.*ignored/) });
  });
});

describe('localizedLabel', () => {
  const entry = { label: 'Calls', 'label/FR FR': 'Appels', 'label/FR CA': 'Appels (CA)', 'label/PT BR': 'Chamadas' };
  it.each([
    ['FR FR', 'Appels'],
    ['fr', 'Appels'],
    ['fr-CA', 'Appels (CA)'],
    ['fr_BE', 'Appels'],
    ['pt', 'Chamadas'],
    ['EN US', 'Calls'],
    ['de', 'Calls'],
    ['', 'Calls'],
  ])('%s → %s', (language, expected) => {
    expect(localizedLabel(entry, language)).toBe(expected);
  });
});

describe('substituteLabel', () => {
  it('replaces known $markers$ and leaves unknown ones visible', () => {
    expect(substituteLabel('Contacts with $phone$ at $datetime$ $nope$', { phone: '+33 1', datetime: 'now' })).toBe(
      'Contacts with +33 1 at now $nope$',
    );
  });
  it('does not read inherited properties', () => {
    expect(substituteLabel('$constructor$ $toString$', {})).toBe('$constructor$ $toString$');
  });
  it('inserts values literally (no $& replacement patterns)', () => {
    expect(substituteLabel('$phone$', { phone: "$&$'" })).toBe("$&$'");
  });
});
