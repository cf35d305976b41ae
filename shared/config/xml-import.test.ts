import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importTelephonyFromXml } from './xml-import';
import { parseTelephony } from './telephony';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const SEED = readFileSync('/work/shared/seeds/004_c9451ffe757e240b.txt', 'utf8');
const wrap = (inner: string) => `<module_parameters><parameters id="combodo-telephony-integration" _delta="define">${inner}</parameters></module_parameters>`;

function imported(text: string) {
  const result = importTelephonyFromXml(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('importTelephonyFromXml — the seed 004 XML default', () => {
  const xml = fixture('telephony-default.xml');

  it('is the seed text byte for byte', () => {
    expect(SEED).toContain(xml.trim());
  });

  it('imports field by field, without issues', () => {
    const { telephony: t, issues } = imported(xml);
    expect(issues).toEqual([]);
    expect(t.url_parameters).toEqual({ phone: 'phone' });
    expect(t.caller_information).toEqual({
      label: 'Contacts with phone number $phone$',
      query: 'SELECT Person WHERE phone LIKE :phone OR mobile_phone LIKE :phone',
      display_name: ['friendlyname', 'org_name'],
    });
    expect(t.direct_creation).toEqual({
      UserRequest: {
        enabled: false,
        preset: {
          org_id: 'SELECT Organization AS o JOIN Person AS p ON p.org_id = o.id WHERE p.id = :selected_caller',
          caller_id: ':selected_caller',
          origin: 'phone',
          public_log: 'Call from customer dated $datetime$',
        },
      },
    });
    expect(Object.keys(t.direct_creation['UserRequest']?.preset ?? {})).toEqual(['org_id', 'caller_id', 'origin', 'public_log']);
    expect(Object.entries(t.indirect_creation).map(([k, e]) => [k, e.enabled])).toEqual([['UserRequest', true], ['Person', true]]);
    expect(t.indirect_creation['Person']?.preset).toEqual({ phone: ':phone' });
    expect(t.display_tickets.lists).toEqual([
      { enabled: true, label: 'User Requests opened for this caller', query: "SELECT UserRequest AS u WHERE u.caller_id IN (:callers_list) AND u.status != 'closed'" },
      {
        enabled: true,
        label: 'User Requests opened for the organization of the caller',
        query: "SELECT UserRequest AS u JOIN Organization AS o ON u.org_id = o.id JOIN Person AS p ON p.org_id = o.id WHERE p.id IN (:callers_list) AND u.status != 'closed'",
      },
    ]);
    expect(t.ecall_parameters).toBeNull();
  });

  it('is exactly what the app uses when nothing is configured (our defaults are the XML)', () => {
    expect(imported(xml).telephony).toEqual(parseTelephony(undefined).telephony);
  });

  it('finds the parameters inside a whole itop_design file', () => {
    const design = `<?xml version="1.0" encoding="UTF-8"?>\n<itop_design version="3.2"><classes/>${xml}</itop_design>`;
    expect(imported(design).telephony.url_parameters).toEqual({ phone: 'phone' });
  });
});

describe('importTelephonyFromXml — types and items', () => {
  it('reads bool, array items, localized labels, CDATA and entities', () => {
    const { telephony, issues } = imported(wrap(`
      <caller_information type="hash"><label>Calls</label><label_fr/></caller_information>
      <display_tickets type="hash"><lists type="array">
        <class id="0" type="hash"><enabled type="bool">false</enabled><label>A &amp; B</label><query><![CDATA[SELECT Ticket WHERE id < 10]]></query></class>
        <class id="1" type="hash"><enabled type="bool">true</enabled><query>SELECT Ticket WHERE title != 'x'</query></class>
      </lists></display_tickets>
      <ecall_parameters type="hash"><url>https://cti/call</url><url_parameters type="hash">
        <mobile_phone type="hash"><icon>fa fa-mobile</icon><attributes type="hash"><telephone>mobile_phone</telephone></attributes></mobile_phone>
      </url_parameters></ecall_parameters>`));
    expect(telephony.display_tickets.lists).toEqual([
      { enabled: false, label: 'A & B', query: 'SELECT Ticket WHERE id < 10' },
      { enabled: true, label: '', query: "SELECT Ticket WHERE title != 'x'" },
    ]);
    expect(telephony.ecall_parameters?.actions[0]).toEqual({ name: 'mobile_phone', icon: 'fa fa-mobile', attributes: { telephone: 'mobile_phone' }, legacy: false });
    expect(issues).toEqual([{ path: 'telephony.caller_information.label_fr', severity: 'warning', message: 'unknown key "label_fr" is ignored' }]);
  });

  it('a localized label element name is not valid XML, so XML has none; PHP is the way to localize', () => {
    expect(importTelephonyFromXml(wrap('<caller_information type="hash"><label/FR FR>x</label/FR FR></caller_information>')).ok).toBe(false);
  });

  it('reports a bad bool or unknown type with its path and keeps defaults', () => {
    const { telephony, issues } = imported(wrap(`<direct_creation type="hash"><Incident type="hash"><enabled type="bool">maybe</enabled></Incident></direct_creation><url_parameters type="list"/>`));
    expect(telephony.direct_creation['Incident']?.enabled).toBe(false);
    expect(telephony.url_parameters).toEqual({ phone: 'phone' });
    expect(issues.map((i) => i.path)).toEqual(['telephony.direct_creation.Incident.enabled', 'telephony.url_parameters']);
  });
});

describe('importTelephonyFromXml — bad input', () => {
  it.each([
    ['', 'config.xml_empty'],
    ['<module_parameters><parameters id="x"/></module_parameters>', 'config.xml_no_telephony'],
    ['<a><b></a>', 'config.xml_syntax'],
    ['<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', 'config.xml_doctype'],
    ['not xml at all', 'config.xml_syntax'],
  ])('%j → %s', (text, code) => {
    const result = importTelephonyFromXml(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('never throws, whatever the text', () => {
    const xmlish = fc.array(fc.constantFrom('<parameters id="combodo-telephony-integration">', '</parameters>', '<lists type="array">', '</lists>', '<class id="0" type="hash">', '</class>', '<enabled type="bool">', '</enabled>', 'true', '<![CDATA[', ']]>', '&amp;', '&', '<', '>', 'x'), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(fc.property(fc.oneof(fc.string(), xmlish), (text) => {
      const result = importTelephonyFromXml(text);
      expect(typeof result.ok).toBe('boolean');
    }), { numRuns: 400 });
  });
});
