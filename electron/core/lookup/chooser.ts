import type { CallerMatch, CallerSelection } from '../../../shared/contract/views';

/**
 * The caller chooser exactly as Combodo's telephony extension builds it (seed 004, "Combo box choices"):
 * nobody → "Unknown contact"; one → that contact + "Unknown contact";
 * several → "All contacts found" + each contact + "Unknown contact".
 */
export function chooserChoices(matches: readonly CallerMatch[]): CallerSelection[] {
  const people: CallerSelection[] = matches.map((m) => ({ kind: 'person', personId: m.personId }));
  if (matches.length === 0) return [{ kind: 'unknown' }];
  if (matches.length === 1) return [...people, { kind: 'unknown' }];
  return [{ kind: 'all' }, ...people, { kind: 'unknown' }];
}

/** One match → that person; several → all; none → unknown. */
export function defaultSelection(matches: readonly CallerMatch[]): CallerSelection {
  const [only] = matches;
  if (matches.length === 1 && only) return { kind: 'person', personId: only.personId };
  return matches.length > 1 ? { kind: 'all' } : { kind: 'unknown' };
}

/** True when `selection` is one of the choices offered for these matches. */
export function isOffered(selection: CallerSelection, matches: readonly CallerMatch[]): boolean {
  return chooserChoices(matches).some((c) => sameSelection(c, selection));
}

export function sameSelection(a: CallerSelection, b: CallerSelection): boolean {
  if (a.kind === 'person' && b.kind === 'person') return a.personId === b.personId;
  return a.kind === b.kind;
}

/** Person ids whose tickets the lists show: all matches for "all", none for "unknown". */
export function selectedCallerIds(selection: CallerSelection, matches: readonly CallerMatch[]): string[] {
  switch (selection.kind) {
    case 'all':
      return matches.map((m) => m.personId);
    case 'person':
      return [selection.personId];
    case 'unknown':
      return [];
  }
}
