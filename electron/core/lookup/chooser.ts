import { isDefaultCandidate, type CallerMatch, type CallerSelection } from '../../../shared/contract/views';

/**
 * The caller chooser as Combodo's telephony extension builds it (seed 004, "Combo box choices"), over the
 * matches we trust: nobody → "Unknown contact"; one → that contact + "Unknown contact"; several → "All
 * contacts found" + each contact + "Unknown contact". "All" stands for the confirmed active matches only;
 * probable and inactive matches are offered after them (labelled by the UI), never in "All".
 */
export function chooserChoices(matches: readonly CallerMatch[]): CallerSelection[] {
  const trusted = matches.filter(isDefaultCandidate);
  const others = matches.filter((m) => !isDefaultCandidate(m));
  const person = (m: CallerMatch): CallerSelection => ({ kind: 'person', personId: m.personId });
  return [...(trusted.length > 1 ? [{ kind: 'all' } as const] : []), ...trusted.map(person), ...others.map(person), { kind: 'unknown' }];
}

/** One confirmed active match → that person; several → all of them; none → unknown (probable/inactive never). */
export function defaultSelection(matches: readonly CallerMatch[]): CallerSelection {
  const trusted = matches.filter(isDefaultCandidate);
  const [only] = trusted;
  if (trusted.length === 1 && only) return { kind: 'person', personId: only.personId };
  return trusted.length > 1 ? { kind: 'all' } : { kind: 'unknown' };
}

/** True when `selection` is one of the choices offered for these matches. */
export function isOffered(selection: CallerSelection, matches: readonly CallerMatch[]): boolean {
  return chooserChoices(matches).some((c) => sameSelection(c, selection));
}

export function sameSelection(a: CallerSelection, b: CallerSelection): boolean {
  if (a.kind === 'person' && b.kind === 'person') return a.personId === b.personId;
  return a.kind === b.kind;
}

/** Person ids whose tickets the lists show: the confirmed active matches for "all", none for "unknown". */
export function selectedCallerIds(selection: CallerSelection, matches: readonly CallerMatch[]): string[] {
  switch (selection.kind) {
    case 'all':
      return matches.filter(isDefaultCandidate).map((m) => m.personId);
    case 'person':
      return [selection.personId];
    case 'unknown':
      return [];
  }
}
