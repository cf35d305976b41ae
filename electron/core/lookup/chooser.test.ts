import { describe, it, expect } from 'vitest';
import type { CallerMatch } from '../../../shared/contract/views';
import { chooserChoices, defaultSelection, isOffered, selectedCallerIds } from './chooser';

const match = (personId: string, over: Partial<CallerMatch> = {}): CallerMatch => ({ personId, name: `P${personId}`, phones: [], confidence: 'confirmed', display: [`P${personId}`], ...over });
const probable = (personId: string) => match(personId, { confidence: 'probable' });
const inactive = (personId: string) => match(personId, { inactive: true });

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

  it('never selects a probable or inactive match by default, and offers it after the confirmed ones', () => {
    // One confirmed + one probable: the confirmed person is selected, no "All", the probable one is offered after.
    expect(defaultSelection([match('42'), probable('55')])).toEqual({ kind: 'person', personId: '42' });
    expect(chooserChoices([probable('55'), match('42')])).toEqual([{ kind: 'person', personId: '42' }, { kind: 'person', personId: '55' }, { kind: 'unknown' }]);
    // Only probable or inactive matches: nobody is selected.
    expect(defaultSelection([probable('55')])).toEqual({ kind: 'unknown' });
    expect(defaultSelection([inactive('74')])).toEqual({ kind: 'unknown' });
    expect(chooserChoices([inactive('74')])).toEqual([{ kind: 'person', personId: '74' }, { kind: 'unknown' }]);
  });

  it('"All" stands for the confirmed active matches only: their tickets, not the probable or inactive ones\'', () => {
    const matches = [match('4'), match('9'), probable('55'), inactive('74')];
    expect(defaultSelection(matches)).toEqual({ kind: 'all' });
    expect(chooserChoices(matches).map((c) => (c.kind === 'person' ? c.personId : c.kind))).toEqual(['all', '4', '9', '55', '74', 'unknown']);
    expect(selectedCallerIds({ kind: 'all' }, matches)).toEqual(['4', '9']);
    // A picked probable person is offered, so a remembered or explicit choice of it stands.
    expect(isOffered({ kind: 'person', personId: '55' }, matches)).toBe(true);
    expect(isOffered({ kind: 'all' }, [match('4'), probable('55')])).toBe(false);
  });
});
