import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallView, CallerMatch, CallerSelection } from '../../../shared/contract/views';
import { chooserChoices, defaultSelection } from '../lookup/chooser';
import { MAX_MATCHES_SHOWN, SWITCHBOARD_THRESHOLD, defaultSelectionFor, shownCallers } from './switchboard';

const match = (personId: string, confidence: CallerMatch['confidence']): CallerMatch => ({ personId, name: `P${personId}`, phones: [], confidence, display: [] });
const callersOf = (matches: CallerMatch[]): CallView['callers'] => ({ state: 'done', matches, label: 'Contacts' });

const matchesArb = fc
  .array(fc.constantFrom<CallerMatch['confidence']>('confirmed', 'probable'), { maxLength: 200 })
  .map((kinds) => kinds.map((k, i) => match(String(i + 1), k)));

describe('default selection for shared numbers', () => {
  it('keeps the extension rule up to the threshold, then defaults to Unknown contact', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => match(String(i), 'confirmed'));
    expect(defaultSelectionFor(many(1), defaultSelection)).toEqual({ kind: 'person', personId: '0' });
    expect(defaultSelectionFor(many(SWITCHBOARD_THRESHOLD), defaultSelection)).toEqual({ kind: 'all' });
    expect(defaultSelectionFor(many(SWITCHBOARD_THRESHOLD + 1), defaultSelection)).toEqual({ kind: 'unknown' });
  });
});

describe('callers sent to the UI', () => {
  it('leaves a short list exactly as the lookup returned it', () => {
    const matches = [match('1', 'probable'), match('2', 'confirmed')];
    const choices = chooserChoices(matches);
    expect(shownCallers(callersOf(matches), { kind: 'all' }, choices)).toEqual({ callers: callersOf(matches), choices });
  });

  it('caps at 50, confirmed first in lookup order, keeps the selected person, and counts them all', () => {
    fc.assert(
      fc.property(matchesArb, fc.nat(), (matches, pick) => {
        const selected = matches[pick % Math.max(1, matches.length)];
        const selection: CallerSelection = selected ? { kind: 'person', personId: selected.personId } : { kind: 'unknown' };
        const { callers, choices } = shownCallers(callersOf(matches), selection, chooserChoices(matches));
        if (matches.length <= SWITCHBOARD_THRESHOLD) {
          expect(callers.matches).toEqual(matches);
          return;
        }
        expect(callers.matches.length).toBe(Math.min(MAX_MATCHES_SHOWN, matches.length));
        expect(callers.total).toBe(matches.length);
        expect(callers.note).toMatch(new RegExp(`^${matches.length} contacts share this number`));
        if (selected) expect(callers.matches.some((m) => m.personId === selected.personId)).toBe(true);
        const confirmed = matches.filter((m) => m.confidence === 'confirmed');
        const head = callers.matches.slice(0, Math.min(confirmed.length, MAX_MATCHES_SHOWN - 1));
        expect(head).toEqual(confirmed.slice(0, head.length));
        expect(choices).toEqual(chooserChoices(callers.matches));
      }),
    );
  });
});
