import { describe, expect, it } from 'vitest';
import type { CallerMatch } from '../../../shared/contract/views';
import { defaultSelection } from '../lookup/chooser';
import { SWITCHBOARD_THRESHOLD, defaultSelectionFor } from './switchboard';

const match = (personId: string): CallerMatch => ({ personId, name: `P${personId}`, phones: [], confidence: 'confirmed', display: [] });
const found = (n: number, total = n) => ({ matches: Array.from({ length: n }, (_, i) => match(String(i))), total });

describe('default selection for shared numbers', () => {
  it('keeps the extension rule up to the threshold, then defaults to Unknown contact', () => {
    expect(defaultSelectionFor(found(1), defaultSelection)).toEqual({ kind: 'person', personId: '0' });
    expect(defaultSelectionFor(found(SWITCHBOARD_THRESHOLD), defaultSelection)).toEqual({ kind: 'all' });
    expect(defaultSelectionFor(found(SWITCHBOARD_THRESHOLD + 1), defaultSelection)).toEqual({ kind: 'unknown' });
  });

  it('counts every Person that matched, not only the ones kept as views', () => {
    expect(defaultSelectionFor(found(3, SWITCHBOARD_THRESHOLD + 1), defaultSelection)).toEqual({ kind: 'unknown' });
  });
});
