import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keepUnchanged } from './keep-unchanged';

describe('keepUnchanged (structural sharing of pushed snapshots)', () => {
  it('always returns a value deep-equal to next, and prev itself when they are deep-equal', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const prev = JSON.parse(JSON.stringify(a)) as unknown;
        expect(keepUnchanged(prev, b)).toEqual(b);
        expect(keepUnchanged(prev, JSON.parse(JSON.stringify(a)))).toBe(prev);
      }),
    );
  });

  it('keeps the unchanged parts and renews only the path to what changed', () => {
    const prev = { calls: [{ id: 'a', lists: [{ n: 1 }, { n: 2 }] }, { id: 'b', lists: [] as { n: number }[] }] };
    const next = { calls: [{ id: 'a', lists: [{ n: 1 }, { n: 3 }] }, { id: 'b', lists: [] as { n: number }[] }] };
    const kept = keepUnchanged(prev, next);
    expect(kept).not.toBe(prev);
    expect(kept.calls[0]).not.toBe(prev.calls[0]);
    expect(kept.calls[0]?.lists[0]).toBe(prev.calls[0]?.lists[0]);
    expect(kept.calls[0]?.lists[1]).toEqual({ n: 3 });
    expect(kept.calls[1]).toBe(prev.calls[1]);
  });

  it('treats a key that appears or disappears as a change', () => {
    const prev: Record<string, unknown> = { a: 1 };
    expect(keepUnchanged(prev, { a: 1, b: undefined })).not.toBe(prev);
    expect(keepUnchanged({ a: 1, b: 2 }, { a: 1 })).toEqual({ a: 1 });
  });
});
