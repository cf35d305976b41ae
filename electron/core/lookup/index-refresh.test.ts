import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSlice, randomCursor, sliceChanges, sliceOql, stepsPerCycle } from './index-refresh';
import type { PersonRecord } from './person-record';

const person = (id: string): PersonRecord => ({ id, name: id, orgId: '', orgName: '', locationId: '', locationName: '', email: '', inactive: false, phones: [], fields: {} });

/** Follows the cursor as the service does, from any start, for one cycle of steps. */
function cycle(maxId: number, steps: number, start: number): { lo: number; hi: number }[] {
  const seen: { lo: number; hi: number }[] = [];
  let cursor = start;
  for (let i = 0; i < steps; i += 1) {
    const plan = planSlice(maxId, cursor, steps);
    seen.push(plan);
    cursor = plan.hi >= maxId ? 0 : plan.hi;
  }
  return seen;
}

describe('rolling slices', () => {
  it('one cycle of steps re-reads every id from 1 to maxId, whatever the start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300_000 }), fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (maxId, steps, r) => {
        const slices = cycle(maxId, steps, randomCursor(maxId, steps, () => r));
        const covered = (id: number) => slices.some((s) => id > s.lo && id <= s.hi);
        for (const id of [1, maxId, Math.ceil(maxId / 2), Math.max(1, maxId - 1)]) expect(covered(id)).toBe(true);
        // No slice is empty of ids and none overlaps the next: the load is spread evenly.
        expect(slices.every((s) => s.lo < maxId && s.hi > s.lo)).toBe(true);
      }),
    );
  });

  it('24 h in steps of 10 min: 144 steps, slices of ~700 ids at 100k Persons, on a grid shared by every agent', () => {
    expect(stepsPerCycle(24, 10)).toBe(144);
    const a = planSlice(100_074, 35_000, 144);
    const b = planSlice(100_391, 34_500, 144);
    expect(a.hi - a.lo).toBe(702);
    expect([a.lo, a.hi]).toEqual([b.lo, b.hi]);
    expect(sliceOql(a)).toBe('SELECT Person WHERE id > 100074 OR (id > 34398 AND id <= 35100)');
  });

  it('a reply: returned Persons are upserts, indexed ones of the slice not returned were deleted, new ids raise maxId', () => {
    const plan = { lo: 10, hi: 20, maxId: 50 };
    const changes = sliceChanges({ plan, persons: [person('12'), person('51')], requests: 1 }, ['5', '11', '12', '20', '21', '50']);
    expect(changes.deletedIds).toEqual(['11', '20']);
    expect(changes.upserts.map((p) => p.id)).toEqual(['12', '51']);
    expect(changes.maxId).toBe(51);
  });
});
