import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportTelephonyToPhp } from './php-export';
import { importTelephonyFromPhp } from './php-import';
import type { TelephonyConfig } from './telephony';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const SEED = readFileSync('/work/shared/seeds/004_c9451ffe757e240b.txt', 'utf8');
const ORG = 'SELECT Organization AS o JOIN Person AS p ON p.org_id = o.id WHERE p.id = :selected_caller';
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function imported(text: string): { telephony: TelephonyConfig; issues: unknown[] } {
  const result = importTelephonyFromPhp(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('importTelephonyFromPhp — the seed 004 configuration file example', () => {
  const text = fixture('config-itop-telephony.php');

  it('is the seed text, only re-broken at its // comments', () => {
    expect(squash(SEED)).toContain(squash(text));
  });

  it('imports field by field, without issues', () => {
    const { telephony: t, issues } = imported(text);
    expect(issues).toEqual([]);
    expect(t.url_parameters).toEqual({ phone: 'phone' });
    expect(t.caller_information.label).toBe('Contacts with phone number $phone$');
    expect(t.caller_information['label/FR FR']).toBe('Contacts ayant le numéro de téléphone $phone$');
    expect(t.caller_information.query).toBe('SELECT Person WHERE phone LIKE :phone OR mobile_phone LIKE :phone');
    expect(t.caller_information.display_name).toEqual(['friendlyname', 'org_name', 'location_name']);

    expect(Object.keys(t.direct_creation)).toEqual(['UserRequest']);
    expect(t.direct_creation['UserRequest']?.enabled).toBe(false);
    expect(Object.entries(t.direct_creation['UserRequest']?.preset ?? {})).toEqual([
      ['org_id', ORG], ['caller_id', ':selected_caller'], ['origin', 'phone'], ['public_log', 'Call from customer dated $datetime$'],
    ]);

    expect(Object.keys(t.indirect_creation)).toEqual(['UserRequest', 'Incident', 'Change', 'Person']);
    expect(Object.values(t.indirect_creation).map((e) => e.enabled)).toEqual([false, true, true, true]);
    expect(Object.keys(t.indirect_creation['Change']?.preset ?? {})).toEqual(['org_id', 'caller_id', 'origin', 'private_log']);
    expect(t.indirect_creation['Person']?.preset).toEqual({ phone: ':phone' });

    const lists = t.display_tickets.lists;
    expect(lists).toHaveLength(4);
    expect(lists.map((l) => l.enabled)).toEqual([true, true, true, true]);
    expect(lists[0]).toEqual({
      enabled: true,
      label: 'User Requests opened for this caller',
      query: "SELECT UserRequest AS u WHERE u.caller_id IN (:callers_list) AND u.status != 'closed'",
    });
    expect(lists[1]?.['label/FR FR']).toBe("Demandes utilisateurs de l'organisation de l'appelant");
    expect(lists[2]?.['label/FR FR']).toBe("Problèmes ouverts par l'appelant");
    expect(lists[3]?.query).toBe("SELECT Incident AS u WHERE u.caller_id IN (:callers_list) AND u.status != 'closed'");

    expect(t.ecall_parameters).toEqual({
      url: 'https://myctiserver/index.php',
      actions: [{ name: 'legacy', icon: 'fas fa-phone', attributes: { telephone: 'phone', mailaddress: 'email' }, legacy: true }],
    });
    expect(Object.keys(t.ecall_parameters?.actions[0]?.attributes ?? {})).toEqual(['telephone', 'mailaddress']);
  });

  it('reads the 1.2 e-call form from the seed', () => {
    const { telephony } = imported(fixture('ecall-1.2.php'));
    expect(telephony.ecall_parameters).toEqual({
      url: 'https://myctiserver/index.php',
      actions: [
        { name: 'phone', icon: 'fas fa-phone', attributes: { telephone: 'phone', mailaddress: 'email' }, legacy: false },
        { name: 'mobile_phone', icon: 'fa fa-mobile', attributes: { telephone: 'mobile_phone' }, legacy: false },
      ],
    });
    // The rest falls back to the extension defaults, as iTop does key by key.
    expect(telephony.url_parameters).toEqual({ phone: 'phone' });
  });

  it('reads the seed direct_creation and display_tickets snippets (enabled flags, order)', () => {
    const direct = imported(fixture('direct-creation.php')).telephony.direct_creation;
    expect(Object.entries(direct).map(([k, e]) => [k, e.enabled])).toEqual([['UserRequest', false], ['Incident', true]]);
    const lists = imported(fixture('display-tickets.php')).telephony.display_tickets.lists;
    expect(lists.map((l) => l.enabled)).toEqual([true, true, false, true]);
  });
});

describe('importTelephonyFromPhp — every way an admin may paste it', () => {
  const block = "'url_parameters' => ['tel' => 'phone'], 'caller_information' => ['label' => 'It\\'s \"$tel$\"', 'query' => 'SELECT Person WHERE phone LIKE :phone']";
  const expectBlock = (text: string) => {
    const { telephony } = imported(text);
    expect(telephony.url_parameters).toEqual({ tel: 'phone' });
    expect(telephony.caller_information.label).toBe('It\'s "$tel$"');
  };

  it('a whole config-itop.php with other settings and modules', () => {
    expectBlock(`<?php
/**
 * Configuration file, generated by the iTop configuration wizard
 */
$MySettings = array(
  'app_root_url' => 'http://itop/',
  'log_level_min' => array('' => LOG_WARNING),
  'db_pwd' => "p\\$w",
);
$MyModuleSettings = array(
  'itop-backup' => array('mysql_bindir' => ''),
  'combodo-telephony-integration' => array(${block}),
);
$MyModules = array('addons' => array('user rights' => 'addons/userrights/userrightsprofile.class.inc.php'));
?>`);
  });
  it("the 'module_settings' section", () => expectBlock(`'module_settings' => array ('combodo-telephony-integration' => [${block}],),`));
  it('the $MyModuleSettings assignment', () => expectBlock(`$MyModuleSettings = array('combodo-telephony-integration' => array(${block}));`));
  it('the entry itself with its trailing comma', () => expectBlock(`'combodo-telephony-integration' => array(${block}),`));
  it('the bare array() and []', () => {
    expectBlock(`array(${block})`);
    expectBlock(`[${block}];`);
  });
  it('only the inner key => value lines', () => expectBlock(block));

  it('applies PHP escapes, booleans, ints and list keys', () => {
    const { telephony } = imported(`[
      'direct_creation' => ['Incident' => ['enabled' => TRUE, 'preset' => ['title' => 'a\\\\b \\n', 'priority' => 2, 'origin' => "ph\\x6Fne"]]],
      'display_tickets' => ['lists' => [3 => ['enabled' => 0, 'query' => 'SELECT Ticket'], 1 => ['enabled' => '1', 'query' => 'SELECT Ticket']]],
    ]`);
    expect(telephony.direct_creation['Incident']).toEqual({ enabled: true, preset: { title: 'a\\b \\n', priority: '2', origin: 'phone' } });
    // PHP iterates in insertion order, not key order.
    expect(telephony.display_tickets.lists.map((l) => l.enabled)).toEqual([false, true]);
  });

  it('reports unreadable values with their line and path, and keeps the rest', () => {
    const result = importTelephonyFromPhp(`array(
      'url_parameters' => array('phone' => PHONE_ATTRIBUTE),
      'caller_information' => array('label' => "Hello $name"),
    )`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: 'telephony.url_parameters.phone', severity: 'error', message: expect.stringMatching(/^line 2: a constant/) }),
      expect.objectContaining({ path: 'telephony.caller_information.label', message: expect.stringMatching(/^line 3: a string with embedded/) }),
    ]));
    expect(result.value.telephony.caller_information.label).toBe('Contacts with phone number $phone$');
  });
});

describe('importTelephonyFromPhp — bad input', () => {
  it.each([
    ['', 'config.php_empty'],
    ['   ', 'config.php_empty'],
    ["'combodo-telephony-integration' => array('url_parameters' => ", 'config.php_syntax'],
    ['<?php $MySettings = array("a" => 1);', 'config.php_no_telephony'],
    ["'combodo-telephony-integration' => 'on',", 'config.php_not_array'],
    ['hello world', 'config.php_syntax'],
  ])('%j → %s', (text, code) => {
    const result = importTelephonyFromPhp(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('a syntax error message gives the line of the pasted text', () => {
    const result = importTelephonyFromPhp("array(\n'url_parameters' => array(\n'phone' => 'phone'\n'x' => 1));");
    expect(!result.ok && result.error.message).toMatch(/line 4/);
  });

  it('never throws, whatever the text', () => {
    const phpish = fc.array(fc.constantFrom('array(', ')', '[', ']', "'a'", '"b"', '=>', ',', '1', 'true', ';', '<?php', '$x', '.', '-', "'combodo-telephony-integration'", "'url_parameters'", '\\'), { maxLength: 40 }).map((parts) => parts.join(' '));
    fc.assert(fc.property(fc.oneof(fc.string(), phpish), (text) => {
      const result = importTelephonyFromPhp(text);
      expect(typeof result.ok).toBe('boolean');
      if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
    }), { numRuns: 400 });
  });
});

describe('exportTelephonyToPhp', () => {
  it('round-trips the seed example exactly, 1.1 e-call form kept', () => {
    const original = imported(fixture('config-itop-telephony.php')).telephony;
    const php = exportTelephonyToPhp(original);
    expect(php).toMatch(/^'combodo-telephony-integration' => array \(\n/);
    expect(php).toContain("'url_parameters' => array (\n      'telephone' => 'phone',");
    expect(imported(php).telephony).toEqual(original);
  });

  it('round-trips any valid configuration (hostile strings included)', () => {
    const code = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/);
    const text = fc.string({ unit: 'binary', maxLength: 30 });
    const map = <T>(v: fc.Arbitrary<T>) => fc.dictionary(code, v, { maxKeys: 4 });
    const creation = map(fc.record({ enabled: fc.boolean(), preset: map(text.filter((s) => !/^\s*(select\s|:)/i.test(s))) }));
    const action = fc.record({ name: code, icon: text, attributes: map(code), legacy: fc.constant(false) });
    const config = fc.record({
      url_parameters: map(code),
      caller_information: fc.record({ label: text, 'label/FR FR': text, query: fc.constant('SELECT Person WHERE phone LIKE :phone'), display_name: fc.array(code, { maxLength: 3 }) }),
      direct_creation: creation,
      indirect_creation: creation,
      display_tickets: fc.record({ lists: fc.array(fc.record({ enabled: fc.boolean(), label: text, 'label/DE DE': text, query: fc.constant('SELECT Ticket WHERE caller_id IN (:callers_list)') }), { maxLength: 3 }) }),
      ecall_parameters: fc.option(fc.record({
        url: fc.constantFrom('https://cti.example/call?x=1', 'http://127.0.0.1:8080/'),
        actions: fc.oneof(
          map(code).map((attributes) => [{ name: 'legacy', icon: 'fas fa-phone', attributes, legacy: true }]),
          fc.uniqueArray(action, { minLength: 1, maxLength: 3, selector: (a) => a.name }),
        ),
      }), { nil: null }),
    });
    fc.assert(fc.property(config, (t) => {
      const back = imported(exportTelephonyToPhp(t as TelephonyConfig));
      expect(back.issues).toEqual([]);
      expect(back.telephony).toEqual(t);
    }), { numRuns: 150 });
  });
});
