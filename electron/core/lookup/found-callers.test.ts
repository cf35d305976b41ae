import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallerMatch } from '../../../shared/contract/views';
import { MAX_MATCHES_KEPT, compareHits, keepLikeliest, type PersonHit } from './found-callers';

const hit = (id: number, confidence: 'confirmed' | 'probable', inactive: boolean, name: string): PersonHit => ({
  person: { id: String(id), name, phones: [], fields: {}, ...(inactive ? { inactive: true } : {}) } as unknown as PersonHit['person'],
  info: { confidence, reason: confidence === 'confirmed' ? 'same-number' : 'last-digits-uncertain-stored' },
});
const view = (h: PersonHit): CallerMatch => ({ personId: h.person.id, name: h.person.name, phones: [], confidence: h.info.confidence, display: [] });

const hitsArb = fc
  .array(fc.record({ confirmed: fc.boolean(), inactive: fc.boolean(), name: fc.constantFrom('Anna', 'Émile', 'bob', 'Zoé', 'Ülla') }), { maxLength: 300 })
  .map((rows) => rows.map((r, i) => hit(i + 1, r.confirmed ? 'confirmed' : 'probable', r.inactive, r.name)));

describe('keeping the likeliest callers of a shared number', () => {
  it('keeps at most 50, in likelihood order, counts them all, and never loses the remembered caller', () => {
    fc.assert(
      fc.property(hitsArb, fc.nat(), (hits, pick) => {
        const remembered = hits[pick % Math.max(1, hits.length)]?.person.id;
        const turned: string[] = [];
        const found = keepLikeliest(hits, (h) => (turned.push(h.person.id), view(h)), remembered);
        expect(found.total).toBe(hits.length);
        expect(found.matches.length).toBe(Math.min(MAX_MATCHES_KEPT, hits.length));
        // Only the kept ones were turned into views (that formatting is what the cap saves).
        expect(turned).toEqual(found.matches.map((m) => m.personId));
        const best = [...hits].sort(compareHits).map((h) => h.person.id);
        const head = found.matches.slice(0, MAX_MATCHES_KEPT - 1).map((m) => m.personId);
        expect(head).toEqual(best.slice(0, head.length));
        if (remembered !== undefined) expect(found.matches.some((m) => m.personId === remembered)).toBe(true);
      }),
    );
  });

  it('orders confirmed before probable, active before inactive, then by name as people read it', () => {
    const hits = [hit(1, 'probable', false, 'Anna'), hit(2, 'confirmed', true, 'Anna'), hit(3, 'confirmed', false, 'Zoé'), hit(4, 'confirmed', false, 'Émile')];
    expect(keepLikeliest(hits, view).matches.map((m) => m.personId)).toEqual(['4', '3', '2', '1']);
  });
});
