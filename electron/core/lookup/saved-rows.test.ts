import { describe, expect, it } from 'vitest';
import { decodeRow, encodeRow } from './index-rows';
import type { PersonRecord } from './person-record';
import { openSavedRows } from './saved-rows';

const PHONES = ['phone', 'mobile_phone'];
const person = (id: string, name: string): PersonRecord => ({
  id, name, orgId: '1', orgName: 'Demo', locationId: '0', locationName: '', email: '', inactive: false, phones: [{ attribute: 'phone', raw: `+33 1 00 00 00 ${id.padStart(2, '0')}` }], fields: {},
});
const lineOf = (p: PersonRecord): string => encodeRow({ person: p, region: 'FR', keys: [null] }, PHONES, []);
const fileOf = (persons: (PersonRecord | string)[], before = 'HEADER\n') => {
  const text = before + persons.map((p) => `${typeof p === 'string' ? p : lineOf(p)}\n`).join('');
  return { bytes: Buffer.from(`${text}TRAILER`), start: before.length, end: Buffer.byteLength(text) };
};
const reads: string[] = [];
const read = (lines: ReturnType<typeof fileOf>) => (start: number, end: number) => {
  const row = decodeRow(lines.bytes, start, end, PHONES, []);
  if (row) reads.push(row.person.id);
  return row?.person;
};

describe('saved Person lines', () => {
  it('reads a Person only when asked, and keeps later changes beside the untouched lines', () => {
    const lines = fileOf([person('2', 'Anna'), person('10', 'Bruno'), person('11', 'Chloé')]);
    const opened = openSavedRows(lines, read(lines));
    if (!opened.ok) throw new Error(`line ${opened.line}`);
    const { store } = opened;
    reads.length = 0;
    expect(store.size).toBe(3);
    expect([...store.ids()]).toEqual(['2', '10', '11']);
    expect(reads).toEqual([]); // ids come from the lines without reading the Persons
    expect(store.get('10')?.name).toBe('Bruno');
    expect(store.get('1')).toBeUndefined();
    expect(store.get('010')).toBeUndefined();
    expect(reads).toEqual(['10']);
    expect(Buffer.from(store.savedLine?.('11') ?? []).toString()).toBe(encodeRow({ person: person('11', 'Chloé'), region: 'FR', keys: [null] }, PHONES, []));

    store.set(person('10', 'Bruno Neuf'));
    store.set(person('12', 'Denis'));
    expect(store.delete('2')).toBe(true);
    expect(store.delete('2')).toBe(false);
    expect(store.size).toBe(3);
    expect([...store.ids()].sort()).toEqual(['10', '11', '12']);
    expect(store.get('10')?.name).toBe('Bruno Neuf');
    expect(store.savedLine?.('10')).toBeUndefined(); // changed: saved from the new record
    expect(store.get('2')).toBeUndefined();
    expect([...store.values()].map((p) => p.name).sort()).toEqual(['Bruno Neuf', 'Chloé', 'Denis']);
  });

  it('refuses lines out of id order, ids that are not numbers and a last line that does not read', () => {
    const unordered = fileOf([person('10', 'B'), person('2', 'A')]);
    expect(openSavedRows(unordered, read(unordered))).toEqual({ ok: false, line: 2 });
    const twice = fileOf([person('3', 'A'), person('3', 'B')]);
    expect(openSavedRows(twice, read(twice))).toEqual({ ok: false, line: 2 });
    const letters = fileOf([lineOf(person('3', 'A')).replace(/^3/, 'x')]);
    expect(openSavedRows(letters, read(letters))).toEqual({ ok: false, line: 1 });
    const short = fileOf([person('3', 'A'), lineOf(person('4', 'B')).replace(/\t[^\t]*$/, '')]);
    expect(openSavedRows(short, read(short))).toEqual({ ok: false, line: 2 });
  });
});
