import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactKey, createEntryMap, type EntryMap } from './entry-map';

// Keys as the index uses them: E.164 and digit suffixes (leading zeros included), a few of each so they collide.
const key = fc.oneof(fc.constantFrom('+33123456789', '+4930123456', '+1202555010'), fc.constantFrom('01234567', '1234567', '23456789', '00000000'));
const op = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), key, entry: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant('remove' as const), key, entry: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant('freeze' as const) }),
  fc.record({ kind: fc.constant('reopen' as const) }),
);

describe('entry map', () => {
  it('keeps E.164 and digit keys apart, leading zeros included, and refuses anything else', () => {
    expect(compactKey('+33123456789')).toBe(-33123456789);
    expect(compactKey('01234567')).not.toBe(compactKey('1234567'));
    expect(compactKey('+0123')).toBeUndefined();
    expect(compactKey('12a4')).toBeUndefined();
    expect(compactKey('1234567890123456')).toBeUndefined();
  });

  it('answers like a plain map of lists through adds, removals, packing and a reopen from its packed form', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key, entry: fc.integer({ min: 0, max: 5 }) }), { maxLength: 30 }), fc.array(op, { maxLength: 40 }), (bulk, ops) => {
        const model = new Map<string, number[]>();
        const addTo = (k: string, e: number) => model.set(k, [...(model.get(k) ?? []), e]);
        let map: EntryMap = createEntryMap();
        for (const { key: k, entry } of bulk) {
          map.add(k, entry);
          addTo(k, entry);
        }
        for (const o of ops) {
          if (o.kind === 'add') {
            map.add(o.key, o.entry);
            addTo(o.key, o.entry);
          } else if (o.kind === 'remove') {
            map.remove(o.key, (e) => e === o.entry);
            model.set(o.key, (model.get(o.key) ?? []).filter((e) => e !== o.entry));
          } else if (o.kind === 'freeze') map.freeze();
          else map = createEntryMap(map.frozen());
        }
        // Entries of one key come back in the order they were added.
        for (const k of ['+33123456789', '+4930123456', '+1202555010', '01234567', '1234567', '23456789', '00000000']) {
          expect(map.get(k), k).toEqual(model.get(k) ?? []);
        }
      }),
    );
  });
});
