import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createPhoneIndex } from './phone-index';
import { keyStoredNumber } from './phone-adapter';
import { createStoredRegions } from './stored-region';
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

const regions = createStoredRegions({ defaultRegion: 'FR', orgRegions: { Globex: 'DE', '7': 'GB' }, locationRegions: new Map([['9', 'CH'], ['8', 'FR']]) });
const { regionOf } = regions;
const build = (records: PersonRecord[]) => createPhoneIndex(records, { suffixDigits: 8, keyStored: keyStoredNumber, regionOf, regionKnown: regions.regionKnown });
const explain = (hits: ReturnType<ReturnType<typeof build>['find']>) => hits.map((h) => [h.person.id, h.confidence, h.certain, h.reason]);

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

  it('never matches two certain numbers whose E.164 differ, even with the same last 8 digits (across countries)', () => {
    // The demo's trap: Camille's +33 1 23 45 67 89 and Anna's +49 151 23456789 end with the same 8 digits.
    const index = build([person('42', { phone: '+33 1 23 45 67 89' }), person('54', { mobile_phone: '+49 151 23456789' }, { orgName: 'Globex' })]);
    expect(explain(index.find('+33123456789'))).toEqual([['42', 'confirmed', true, 'same-number']]);
    expect(explain(index.find('+4915123456789'))).toEqual([['54', 'confirmed', true, 'same-number']]);
  });

  it('never matches 01 23 45 67 89 and 06 23 45 67 89 (same country, first digit differs) when both are certain', () => {
    const index = build([person('42', { phone: '+33 1 23 45 67 89' }), person('75', { mobile_phone: '06 23 45 67 89' }, { locationId: '8' })]);
    expect(explain(index.find('+33623456789'))).toEqual([['75', 'confirmed', true, 'same-number']]);
    expect(explain(index.find('+33123456789'))).toEqual([['42', 'confirmed', true, 'same-number']]);
  });

  it('keeps a last-8-digits match as probable when the stored number is uncertain (national, default region only)', () => {
    // 030 1234567 on a Person with no Location and no orgRegions: read as French, may well be German.
    const index = build([person('77', { phone: '030 1234567' })]);
    expect(explain(index.find('+49301234567'))).toEqual([['77', 'probable', false, 'last-digits-uncertain-stored']]);
    // Still confirmed when the received number is the one it reads to, certain or not.
    expect(explain(index.find('+33301234567'))).toEqual([['77', 'confirmed', false, 'same-number']]);
  });

  it('reads the same national number as certain once the Location gives its country', () => {
    const index = build([person('78', { phone: '01 23 45 67 00' }, { locationId: '8' }), person('79', { phone: '01 23 45 67 00' })]);
    expect(explain(index.find('+33123456700'))).toEqual([['78', 'confirmed', true, 'same-number'], ['79', 'confirmed', false, 'same-number']]);
    expect(explain(index.find('+32123456700'))).toEqual([['79', 'probable', false, 'last-digits-uncertain-stored']]);
  });

  it('lets an uncertain received number (two readings, or not valid) match certain numbers on last digits, as probable', () => {
    const index = build([person('42', { phone: '+33 1 23 45 67 89' }), person('54', { mobile_phone: '+49 151 23456789' })]);
    expect(explain(index.find('+33123456789', { uncertain: true }))).toEqual([['42', 'confirmed', true, 'same-number'], ['54', 'probable', true, 'last-digits-uncertain-received']]);
    // The other reading of a bare digit string is only ever probable.
    expect(explain(index.find('+3323456789', { uncertain: true, alternative: '+4915123456789' }))).toEqual([['54', 'probable', true, 'other-reading'], ['42', 'probable', true, 'last-digits-uncertain-received']]);
  });

  it('gives an unreadable stored value a last-digits key (probable), and never matches short numbers', () => {
    const index = build([person('1', { phone: 'tel 12 34 56 78 90 12 34 56' }), person('2', { phone: '112' })]);
    expect(index.find('+33112')).toEqual([]);
    expect(explain(index.find('+33690123456'))).toEqual([['1', 'probable', false, 'last-digits-uncertain-stored']]);
  });

  it('lists each person once, confirmed winning over probable', () => {
    const index = build([person('1', { phone: '+33 1 23 45 67 89', mobile_phone: '+32 1 23 45 67 89' })]);
    expect(index.find('+33123456789').map((h) => [h.person.id, h.confidence])).toEqual([['1', 'confirmed']]);
  });

  it('learn() adds a person at once and replaces its previous numbers', () => {
    const index = build([person('1', { phone: '+33 1 23 45 67 89' })]);
    index.learn(person('3', { phone: '+33 1 99 99 99 99' }));
    expect(index.find('+33199999999').map((h) => h.person.id)).toEqual(['3']);
    index.learn(person('1', { phone: '+33 1 88 88 88 88' }));
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
