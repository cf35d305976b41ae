import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRows, encodeRows, type RowPerson } from './index-rows';

const PHONES = ['phone', 'mobile_phone'];
const DISPLAY = ['friendlyname', 'org_name', 'function'];

const row = (over: Partial<RowPerson['person']> = {}, keys: RowPerson['keys'] = ['1c+33123456789']): RowPerson => ({
  person: {
    id: '7', name: 'Zoë\tTab\nLine \\ back', orgId: '3', orgName: 'Démo', locationId: '0', locationName: '', email: 'z@x.fr', inactive: false,
    phones: [{ attribute: 'mobile_phone', raw: '01 23 45 67 89' }],
    fields: { friendlyname: 'Zoë\tTab\nLine \\ back', org_name: 'Démo', function: 'Boss\u001e' },
    ...over,
  },
  region: 'FR',
  keys,
});

const decode = (text: string) => decodeRows(Buffer.from(text), 0, Buffer.byteLength(text), PHONES, DISPLAY);

describe('saved index rows', () => {
  it('round-trips texts with tabs, newlines and separators, display values and keys of any shape (short text, JSON, none)', () => {
    const persons = [
      row(),
      row({ id: '8', inactive: true, phones: [{ attribute: 'phone', raw: '12' }, { attribute: 'mobile_phone', raw: 'abc 0612' }], fields: {} }, [null, { digits: '0612', certain: false, reading: 'unreadable', note: 'extra properties survive' } as never]),
    ];
    const decoded = decode(encodeRows(persons, PHONES, DISPLAY));
    expect(decoded).toEqual({ ok: true, persons });
  });

  it('any text survives a round trip', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (name, raw, extra) => {
        const persons = [row({ name, phones: [{ attribute: 'phone', raw }], fields: extra ? { function: extra } : {} })];
        expect(decode(encodeRows(persons, PHONES, DISPLAY))).toEqual({ ok: true, persons });
      }),
    );
  });

  it('names the first line that does not read', () => {
    const good = encodeRows([row()], PHONES, DISPLAY);
    expect(decode(`${good}\n8\tonly three`)).toEqual({ ok: false, line: 2 });
    expect(decode(good.replace('\t1\u001f', '\t9\u001f'))).toEqual({ ok: false, line: 1 });
    // Keys in short text with a reading this version does not know, or with no E.164.
    expect(decode(good.replace('1c+33123456789', '9c+33123456789'))).toEqual({ ok: false, line: 1 });
    expect(decode(good.replace('1c+33123456789', '1c33123456789'))).toEqual({ ok: false, line: 1 });
  });
});
