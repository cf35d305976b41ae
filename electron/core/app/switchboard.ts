import type { CallView, CallerMatch, CallerSelection } from '../../../shared/contract/views';
import { chooserChoices, selectedCallerIds } from '../lookup/chooser';

/**
 * Product rule for shared numbers (a switchboard or desk number stored on many Persons): "All contacts
 * found" would make every ticket list query ask for hundreds of callers, so beyond SWITCHBOARD_THRESHOLD
 * matches the default is "Unknown contact" and the agent chooses. The enricher keeps every match (any of
 * them can be chosen); the UI receives at most MAX_MATCHES_SHOWN, confirmed matches first.
 */
export const SWITCHBOARD_THRESHOLD = 10;
export const MAX_MATCHES_SHOWN = 50;

export function defaultSelectionFor(matches: readonly CallerMatch[], usual: (m: readonly CallerMatch[]) => CallerSelection): CallerSelection {
  return matches.length > SWITCHBOARD_THRESHOLD ? { kind: 'unknown' } : usual(matches);
}

export interface ShownCallers {
  readonly callers: CallView['callers'];
  readonly choices: CallerSelection[];
}

/** The callers block as sent to the UI: capped, confirmed first, the selected person always included. */
export function shownCallers(callers: CallView['callers'], selection: CallerSelection, choices: CallerSelection[]): ShownCallers {
  const all = callers.matches;
  if (all.length <= SWITCHBOARD_THRESHOLD) return { callers, choices };
  // Stable: lookup order is kept inside each confidence group.
  const ordered = [...all.filter((m) => m.confidence === 'confirmed'), ...all.filter((m) => m.confidence !== 'confirmed')];
  let shown = ordered.slice(0, MAX_MATCHES_SHOWN);
  const selected = selection.kind === 'person' ? selectedCallerIds(selection, all)[0] : undefined;
  if (selected !== undefined && !shown.some((m) => m.personId === selected)) {
    const match = all.find((m) => m.personId === selected);
    if (match) shown = [...shown.slice(0, MAX_MATCHES_SHOWN - 1), match];
  }
  const capped = shown.length < all.length;
  return {
    callers: {
      ...callers,
      matches: shown,
      total: all.length,
      note: `${all.length} contacts share this number — choose one${capped ? ` (the first ${shown.length} are listed)` : ''}`,
    },
    choices: chooserChoices(shown),
  };
}
