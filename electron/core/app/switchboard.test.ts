import { describe, expect, it } from 'vitest';
import type { CallerMatch } from '../../../shared/contract/views';
import { defaultSelection } from '../lookup/chooser';
import { SWITCHBOARD_THRESHOLD, defaultSelectionFor } from './switchboard';

const match = (personId: string): CallerMatch => ({ personId, name: `P${personId}`, phones: [], confidence: 'confirmed', display: [] });
const found = (n: number, total = n) => ({ matches: Array.from({ length: n }, (_, i) => match(String(i))), total, confirmedActive: total });

describe('default selection for shared numbers', () => {
  it('keeps the extension rule up to the threshold, then defaults to Unknown contact', () => {
    expect(defaultSelectionFor(found(1), defaultSelection)).toEqual({ kind: 'person', personId: '0' });
    expect(defaultSelectionFor(found(SWITCHBOARD_THRESHOLD), defaultSelection)).toEqual({ kind: 'all' });
    expect(defaultSelectionFor(found(SWITCHBOARD_THRESHOLD + 1), defaultSelection)).toEqual({ kind: 'unknown' });
  });

  it('counts every Person that matched, not only the ones kept as views', () => {
    expect(defaultSelectionFor(found(3, SWITCHBOARD_THRESHOLD + 1), defaultSelection)).toEqual({ kind: 'unknown' });
  });

  it('counts only the confirmed active matches: probable ones do not make a number shared', () => {
    const many = { matches: [match('1'), match('2'), ...Array.from({ length: 20 }, (_, i) => ({ ...match(`p${i}`), confidence: 'probable' as const }))], total: 22, confirmedActive: 2 };
    expect(defaultSelectionFor(many, defaultSelection)).toEqual({ kind: 'all' });
  });
});
