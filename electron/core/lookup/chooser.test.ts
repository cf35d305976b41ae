import { describe, it, expect } from 'vitest';
import type { CallerMatch } from '../../../shared/contract/views';
import { chooserChoices, defaultSelection, isOffered, selectedCallerIds } from './chooser';

const match = (personId: string): CallerMatch => ({ personId, name: `P${personId}`, phones: [], confidence: 'confirmed', display: [`P${personId}`] });

describe('caller chooser (the extension\'s combo box)', () => {
  it('nobody found → only "Unknown contact", selected', () => {
    expect(chooserChoices([])).toEqual([{ kind: 'unknown' }]);
    expect(defaultSelection([])).toEqual({ kind: 'unknown' });
  });

  it('one found → that contact + "Unknown contact" (2 choices), the contact selected', () => {
    expect(chooserChoices([match('4')])).toEqual([{ kind: 'person', personId: '4' }, { kind: 'unknown' }]);
    expect(defaultSelection([match('4')])).toEqual({ kind: 'person', personId: '4' });
  });

  it('several found → "All contacts found" + each + "Unknown contact" (n + 2), All selected', () => {
    const matches = [match('4'), match('9'), match('2')];
    expect(chooserChoices(matches)).toEqual([
      { kind: 'all' },
      { kind: 'person', personId: '4' },
      { kind: 'person', personId: '9' },
      { kind: 'person', personId: '2' },
      { kind: 'unknown' },
    ]);
    expect(defaultSelection(matches)).toEqual({ kind: 'all' });
  });

  it('maps a selection to the :callers_list ids', () => {
    const matches = [match('4'), match('9')];
    expect(selectedCallerIds({ kind: 'all' }, matches)).toEqual(['4', '9']);
    expect(selectedCallerIds({ kind: 'person', personId: '9' }, matches)).toEqual(['9']);
    expect(selectedCallerIds({ kind: 'unknown' }, matches)).toEqual([]);
  });

  it('only offers choices that exist for these matches', () => {
    expect(isOffered({ kind: 'all' }, [match('1')])).toBe(false);
    expect(isOffered({ kind: 'person', personId: '3' }, [match('1')])).toBe(false);
    expect(isOffered({ kind: 'person', personId: '1' }, [match('1')])).toBe(true);
    expect(isOffered({ kind: 'unknown' }, [])).toBe(true);
  });
});
