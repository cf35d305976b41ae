import type { PendingCallee } from '../../../shared/contract/dial';
import type { ExternalNumber, PhoneOptions } from '../../../shared/phone';
import type { TicketLists } from '../lists/ticket-lists';
import type { CallerLookup, LookupInput } from '../lookup/caller-lookup';
import { defaultSelection, selectedCallerIds } from '../lookup/chooser';
import { NO_CALLERS, type FoundCallers } from '../lookup/found-callers';
import { normalizeForCall } from './number-view';
import { defaultSelectionFor } from './switchboard';

export interface PendingCalleeDeps {
  readonly phone: PhoneOptions;
  readonly lookup: CallerLookup;
  readonly lists: TicketLists;
  readonly log?: (message: string) => void;
}

/** (raw number, cache key, onChange): what the dialer's `findCallee` expects. */
export type FindCallee = (raw: string, key: string, onChange: (callee: PendingCallee) => void) => void;

/**
 * Who a deep-link dial calls and their open tickets, with the SAME steps as an inbound call (phone index +
 * caller query, default selection, display_tickets lists), so the agent picks the ticket the call is logged
 * on from what the caller panel would show for that number.
 */
export function createPendingCalleeFinder(deps: PendingCalleeDeps): FindCallee {
  return (raw, key, onChange) => {
    const { normalized } = normalizeForCall(raw, deps.phone);
    if (normalized.kind !== 'external') return; // internal/withheld numbers have no callee in iTop
    const input: LookupInput = { raw, number: normalized as ExternalNumber };
    let callee: PendingCallee = { state: 'loading', matches: [], lists: [] };
    const report = (patch: Partial<PendingCallee>): void => {
      callee = { ...callee, ...patch };
      onChange(callee);
    };
    const withMatches = (found: FoundCallers, error?: string): void => {
      const { matches } = found;
      const selection = defaultSelectionFor(found, defaultSelection);
      const ids = selectedCallerIds(selection, matches);
      report({
        state: error ? 'error' : 'done',
        matches,
        lists: deps.lists.initial(ids),
        ...(selection.kind === 'person' ? { personId: selection.personId } : {}),
        ...(error ? { error } : {}),
      });
      if (ids.length === 0) return;
      void deps.lists.load(`${key}|${[...ids].sort().join(',')}`, ids, deps.lookup.placeholders(input), (view) => {
        report({ lists: callee.lists.map((l) => (l.id === view.id ? view : l)) });
      });
    };
    report({});
    const outcome = deps.lookup.lookup(input);
    if (!outcome.pending) {
      withMatches(outcome.immediate ?? NO_CALLERS);
      return;
    }
    void outcome.pending.then(
      (r) => (r.ok ? withMatches(r.value) : (deps.log?.(r.error), withMatches(outcome.immediate ?? NO_CALLERS, r.error))),
      (error: unknown) => withMatches(outcome.immediate ?? NO_CALLERS, `The callee could not be looked up: ${String(error)}`),
    );
  };
}
