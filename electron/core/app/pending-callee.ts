import type { PendingCallee } from '../../../shared/contract/dial';
import type { CallerSelection } from '../../../shared/contract/views';
import type { ExternalNumber, PhoneOptions } from '../../../shared/phone';
import type { CalleeChoice } from '../dialer/callee-choice';
import type { TicketLists } from '../lists/ticket-lists';
import type { CallerLookup, LookupInput } from '../lookup/caller-lookup';
import { chooserChoices, defaultSelection, isOffered, selectedCallerIds } from '../lookup/chooser';
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
export type FindCallee = (raw: string, key: string, onChange: (callee: PendingCallee) => void) => CalleeChoice | undefined;

/**
 * Who a deep-link dial calls and their open tickets, with the SAME steps as an inbound call (phone index +
 * caller query, default selection, chooser entries, display_tickets lists), so the agent picks the callee
 * and the ticket the call is logged on from what the caller panel would show for that number.
 */
export function createPendingCalleeFinder(deps: PendingCalleeDeps): FindCallee {
  return (raw, key, onChange) => {
    const { normalized } = normalizeForCall(raw, deps.phone);
    if (normalized.kind !== 'external') return undefined; // internal/withheld numbers have no callee in iTop
    const input: LookupInput = { raw, number: normalized as ExternalNumber };
    let callee: PendingCallee = { state: 'loading', matches: [], lists: [] };
    let listsKey = '';
    const report = (patch: Partial<PendingCallee>): void => {
      callee = { ...callee, ...patch };
      onChange(callee);
    };
    const personOf = (selection: CallerSelection) => (selection.kind === 'person' ? { personId: selection.personId } : {});
    const loadLists = (selection: CallerSelection): void => {
      const ids = selectedCallerIds(selection, callee.matches);
      const idsKey = `${key}|${[...ids].sort().join(',')}`;
      listsKey = idsKey;
      report({ lists: deps.lists.initial(ids) });
      if (ids.length === 0) return;
      void deps.lists.load(idsKey, ids, deps.lookup.placeholders(input), (view) => {
        // A list of an earlier choice arriving late must not replace the current choice's lists.
        if (listsKey === idsKey) report({ lists: callee.lists.map((l) => (l.id === view.id ? view : l)) });
      });
    };
    const withMatches = (found: FoundCallers, error?: string): void => {
      const { matches } = found;
      const { personId: _previous, ...rest } = callee;
      // Once the agent chose, a late lookup result keeps their choice when it is still offered.
      const kept = callee.chosen && callee.selection && isOffered(callee.selection, matches) ? callee.selection : undefined;
      const selection = kept ?? defaultSelectionFor(found, defaultSelection);
      callee = { ...rest, state: error ? 'error' : 'done', matches, total: found.total, selection, choices: chooserChoices(matches), chosen: kept !== undefined, ...personOf(selection), ...(error ? { error } : {}) };
      loadLists(selection);
    };
    report({});
    const outcome = deps.lookup.lookup(input);
    if (!outcome.pending) withMatches(outcome.immediate ?? NO_CALLERS);
    else {
      void outcome.pending.then(
        (r) => (r.ok ? withMatches(r.value) : (deps.log?.(r.error), withMatches(outcome.immediate ?? NO_CALLERS, r.error))),
        (error: unknown) => withMatches(outcome.immediate ?? NO_CALLERS, `The callee could not be looked up: ${String(error)}`),
      );
    }
    return {
      select(selection) {
        if (callee.state === 'loading' || !isOffered(selection, callee.matches)) return false;
        const { personId: _previous, ...rest } = callee;
        callee = { ...rest, selection, chosen: true, ...personOf(selection) };
        loadLists(selection);
        return true;
      },
    };
  };
}
