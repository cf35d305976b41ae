import type { CallerMatch } from '../../../shared/contract/views';
import type { MatchInfo } from './caller-match';
import type { PersonRecord } from './person-record';

/**
 * At most this many matches become CallerMatch views. A shared switchboard number can match hundreds of
 * Persons; building a view formats every stored number of each, which delayed the caller's name on screen
 * by ~100 ms at 1,000 matches (issue 4 paint bench). The chooser never lists more than this anyway.
 */
export const MAX_MATCHES_KEPT = 50;

/** A Person the lookup found, before it is turned into a view. */
export interface PersonHit {
  readonly person: PersonRecord;
  readonly info: MatchInfo;
}

/** The likeliest matches as views, and how many Persons matched in all (more than `matches` when capped). */
export interface FoundCallers {
  readonly matches: CallerMatch[];
  readonly total: number;
  /** How many of all the matches are confirmed and active (may be selected by default); absent = count `matches`. */
  readonly confirmedActive?: number;
}

export const NO_CALLERS: FoundCallers = { matches: [], total: 0, confirmedActive: 0 };

// One collator for every comparison: String#localeCompare builds one per call, which dominates a large sort.
const collator = new Intl.Collator();
const rank = (h: PersonHit): number => (h.info.confidence === 'confirmed' ? 0 : 2) + (h.person.inactive ? 1 : 0);

/** Confirmed before probable, active before inactive, then by name: the likeliest caller first. */
export function compareHits(a: PersonHit, b: PersonHit): number {
  return rank(a) - rank(b) || collator.compare(a.person.name, b.person.name) || collator.compare(a.person.id, b.person.id);
}

/**
 * The first MAX_MATCHES_KEPT hits in likelihood order, turned into views; `keepPersonId` (the caller the
 * agent chose last time for this number) is always among them so the remembered choice can be offered.
 */
export function keepLikeliest(hits: readonly PersonHit[], toMatch: (hit: PersonHit) => CallerMatch, keepPersonId?: string): FoundCallers {
  const ordered = [...hits].sort(compareHits);
  let kept = ordered.slice(0, MAX_MATCHES_KEPT);
  if (keepPersonId !== undefined && !kept.some((h) => h.person.id === keepPersonId)) {
    const remembered = ordered.find((h) => h.person.id === keepPersonId);
    if (remembered) kept = [...kept.slice(0, MAX_MATCHES_KEPT - 1), remembered];
  }
  const confirmedActive = hits.filter((h) => h.info.confidence === 'confirmed' && !h.person.inactive).length;
  return { matches: kept.map(toMatch), total: hits.length, confirmedActive };
}
