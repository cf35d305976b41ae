import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createPhoneIndex } from './phone-index';
import { keyStoredNumber } from './phone-adapter';
import { createStoredRegionResolver } from './stored-region';
import type { PersonRecord } from './person-record';

const person = (id: string, phones: Record<string, string>, extra: Partial<PersonRecord> = {}): PersonRecord => ({
  id,
  name: `Person ${id}`,
  orgId: '1',
  orgName: 'Demo',
  locationId: '0',
  locationName: '',
  email: '',
  inactive: false,
  phones: Object.entries(phones).map(([attribute, raw]) => ({ attribute, raw })),
  fields: {},
  ...extra,
});

const regionOf = createStoredRegionResolver({ defaultRegion: 'FR', orgRegions: { Globex: 'DE', '7': 'GB' }, locationRegions: new Map([['9', 'CH']]) });
const build = (records: PersonRecord[]) => createPhoneIndex(records, { suffixDigits: 8, keyStored: keyStoredNumber, regionOf });

describe('phone index', () => {
  it('finds a number stored with spaces and (0) by its E.164, as confirmed, naming the attribute', () => {
    const index = build([person('1', { phone: '+33 (0)1 23 45 67 89' }), person('2', { mobile_phone: '06 12 34 56 78' })]);
    const hits = index.find('+33123456789');
    expect(hits.map((h) => [h.person.id, h.confidence, h.attribute])).toEqual([['1', 'confirmed', 'phone']]);
    expect(index.find('+33612345678').map((h) => [h.person.id, h.attribute])).toEqual([['2', 'mobile_phone']]);
    expect(index.persons).toBe(2);
    expect(index.numbers).toBe(2);
  });

  it("reads a German organization's national number in DE (org region by name)", () => {
    const index = build([person('5', { phone: '030/1234568' }, { orgId: '3', orgName: 'Globex' })]);
    expect(index.find('+49301234568').map((h) => h.confidence)).toEqual(['confirmed']);
  });

  it('uses the location country when the organization has no region', () => {
    const index = build([person('6', { phone: '044 668 18 00' }, { locationId: '9' })]);
    expect(index.find('+41446681800').map((h) => h.person.id)).toEqual(['6']);
  });

  it('gives a last-8-digits match as probable only, and never for short numbers', () => {
    const index = build([person('1', { phone: '+44 20 2345 6789' }), person('2', { phone: '112' })]);
    expect(index.find('+33199999999')).toEqual([]);
    expect(index.find('+33112')).toEqual([]);
    // Same last 8 digits (23456789), different country: a probable match only.
    const hits = index.find('+12023456789');
    expect(hits.map((h) => [h.person.id, h.confidence])).toEqual([['1', 'probable']]);
  });

  it('lists each person once, confirmed winning over probable', () => {
    const index = build([person('1', { phone: '+33 1 23 45 67 89', mobile_phone: '+32 1 23 45 67 89' })]);
    expect(index.find('+33123456789').map((h) => [h.person.id, h.confidence])).toEqual([['1', 'confirmed']]);
  });

  it('learn() adds a person at once and replaces its previous numbers', () => {
    const index = build([person('1', { phone: '+33 1 23 45 67 89' })]);
    index.learn(person('3', { phone: '+33 1 99 99 99 99' }), regionOf);
    expect(index.find('+33199999999').map((h) => h.person.id)).toEqual(['3']);
    index.learn(person('1', { phone: '+33 1 88 88 88 88' }), regionOf);
    expect(index.find('+33123456789')).toEqual([]);
    expect(index.find('+33188888888').map((h) => h.person.id)).toEqual(['1']);
    expect(index.numbers).toBe(2);
  });

  it('never throws on hostile stored text and only ever returns indexed persons', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 20 }), fc.string({ maxLength: 20 }), (phones, query) => {
        const records = phones.map((raw, i) => person(String(i), { phone: raw }));
        const index = build(records);
        for (const hit of index.find(query)) expect(records.some((r) => r.id === hit.person.id)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
