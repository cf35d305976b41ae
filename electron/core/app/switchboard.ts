import { SWITCHBOARD_THRESHOLD, isDefaultCandidate, type CallerSelection } from '../../../shared/contract/views';
import type { FoundCallers } from '../lookup/found-callers';

/**
 * Product rule for shared numbers (a switchboard or desk number stored on many Persons): "All contacts
 * found" would make every ticket list query ask for dozens of callers, so beyond SWITCHBOARD_THRESHOLD
 * confirmed active matches (the ones "All" stands for) the default is "Unknown contact" and the agent
 * chooses. The lookup keeps the likeliest MAX_MATCHES_KEPT of them (found-callers.ts) and counts them all.
 */
export { SWITCHBOARD_THRESHOLD };

export function defaultSelectionFor(found: FoundCallers, usual: (m: FoundCallers['matches']) => CallerSelection): CallerSelection {
  const trusted = found.confirmedActive ?? found.matches.filter(isDefaultCandidate).length;
  return trusted > SWITCHBOARD_THRESHOLD ? { kind: 'unknown' } : usual(found.matches);
}
