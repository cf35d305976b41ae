import type { CallView, CallerSelection, NumberView, TicketListView } from '../../../shared/contract/views';
import type { CallEvent } from '../../../shared/cti/call-event';
import type { ExternalNumber, PhoneOptions } from '../../../shared/phone';
import { chooserChoices, defaultSelection, isOffered, sameSelection, selectedCallerIds } from '../lookup/chooser';
import type { CallerLookup, LookupInput } from '../lookup/caller-lookup';
import type { ChoiceMemory } from '../lookup/choice-memory';
import type { FoundCallers } from '../lookup/found-callers';
import type { TicketLists } from '../lists/ticket-lists';
import { normalizeForCall } from './number-view';
import { defaultSelectionFor } from './switchboard';

/** The part of a CallView this module owns: who calls, which caller is selected, and their tickets. */
export interface Enrichment {
  readonly number: NumberView;
  readonly callers: CallView['callers'];
  readonly selection: CallerSelection;
  readonly choices: CallerSelection[];
  readonly lists: TicketListView[];
}

export interface CallEnricherDeps {
  readonly phone: PhoneOptions;
  readonly lookup: CallerLookup;
  readonly lists: TicketLists;
  readonly memory: ChoiceMemory;
  /** caller_information.label for this agent, `$phone$` already understood by `label(raw)`. */
  readonly callersLabel: (raw: string) => string;
  readonly onChange: (callId: string, enrichment: Enrichment) => void;
  readonly log?: (message: string) => void;
}

interface CallState {
  enrichment: Enrichment;
  readonly input?: LookupInput;
  /** The agent's earlier choice for this number, read once when the call starts. */
  readonly remembered?: CallerSelection;
  /** True once the agent picked a caller: later lookup results never override it. */
  chosen: boolean;
  /** Lists for this selection key are the ones shown; results for an older key are dropped. */
  listsKey: string;
}

export interface CallEnricher {
  /** Starts number → callers → lists for a call seen for the first time; later events are ignored. */
  start(event: CallEvent): Enrichment;
  get(callId: string): Enrichment | undefined;
  select(callId: string, selection: CallerSelection): Promise<boolean>;
  /** True once the agent picked a chooser entry for this call (the default or a remembered choice is not a pick). */
  agentChose(callId: string): boolean;
  forget(callId: string): void;
}

export function createCallEnricher(deps: CallEnricherDeps): CallEnricher {
  const calls = new Map<string, CallState>();

  const update = (callId: string, state: CallState, patch: Partial<Enrichment>): void => {
    state.enrichment = { ...state.enrichment, ...patch };
    deps.onChange(callId, state.enrichment);
  };

  const loadLists = (callId: string, state: CallState): void => {
    const { selection, callers } = state.enrichment;
    const ids = selectedCallerIds(selection, callers.matches);
    const key = `${callId}|${[...ids].sort().join(',')}`;
    state.listsKey = key;
    update(callId, state, { lists: deps.lists.initial(ids) });
    if (ids.length === 0 || !state.input) return;
    void deps.lists.load(key, ids, deps.lookup.placeholders(state.input), (view) => {
      if (state.listsKey !== key || calls.get(callId) !== state) return;
      update(callId, state, { lists: state.enrichment.lists.map((l) => (l.id === view.id ? view : l)) });
    });
  };

  const applyMatches = (callId: string, state: CallState, found: FoundCallers, done: boolean, error?: string): void => {
    const before = state.enrichment;
    const { matches } = found;
    const { remembered } = state;
    let selection = before.selection;
    if (!state.chosen) selection = remembered && isOffered(remembered, matches) ? remembered : defaultSelectionFor(found, defaultSelection);
    update(callId, state, {
      callers: { ...before.callers, state: done ? (error ? 'error' : 'done') : 'loading', matches, total: found.total, ...(error ? { error } : {}) },
      selection,
      choices: chooserChoices(matches),
    });
    const idsBefore = selectedCallerIds(before.selection, before.callers.matches).join(',');
    const idsNow = selectedCallerIds(selection, matches).join(',');
    if (state.listsKey === '' || idsBefore !== idsNow) loadLists(callId, state);
  };

  return {
    start(event) {
      const existing = calls.get(event.callId);
      if (existing) return existing.enrichment;
      const { normalized, view } = normalizeForCall(event.remoteNumber, deps.phone);
      const enrichment: Enrichment = {
        number: view,
        callers: { state: 'idle', matches: [], label: deps.callersLabel(event.remoteNumber) },
        selection: { kind: 'unknown' },
        choices: chooserChoices([]),
        lists: [],
      };
      if (normalized.kind !== 'external') {
        calls.set(event.callId, { enrichment, chosen: false, listsKey: '' });
        deps.onChange(event.callId, enrichment);
        return enrichment;
      }
      const number = normalized as ExternalNumber;
      const remembered = deps.memory.recall(number.e164);
      const input: LookupInput = {
        raw: event.remoteNumber,
        number,
        ...(event.attributes ? { attributes: event.attributes } : {}),
        ...(remembered?.kind === 'person' ? { keepPersonId: remembered.personId } : {}),
      };
      const state: CallState = {
        enrichment: { ...enrichment, callers: { ...enrichment.callers, state: 'loading' } },
        input,
        ...(remembered ? { remembered } : {}),
        chosen: false,
        listsKey: '',
      };
      calls.set(event.callId, state);
      const outcome = deps.lookup.lookup(input);
      if (outcome.immediate) applyMatches(event.callId, state, outcome.immediate, !outcome.pending);
      else deps.onChange(event.callId, state.enrichment);
      if (outcome.recheck) {
        // The name is on screen already; the re-read Persons may drop a match, mark one inactive, or change
        // the default selection (then the lists follow), unless the agent already chose.
        void outcome.recheck.then((found) => {
          if (calls.get(event.callId) === state) applyMatches(event.callId, state, found, true);
        });
      }
      if (outcome.pending) {
        void outcome.pending.then((r) => {
          if (calls.get(event.callId) !== state) return;
          if (r.ok) applyMatches(event.callId, state, r.value, true);
          else {
            deps.log?.(r.error);
            const { matches, total } = state.enrichment.callers;
            applyMatches(event.callId, state, { matches, total: total ?? matches.length }, true, r.error);
          }
        });
      }
      return state.enrichment;
    },
    get: (callId) => calls.get(callId)?.enrichment,
    async select(callId, selection) {
      const state = calls.get(callId);
      if (!state || !isOffered(selection, state.enrichment.callers.matches)) return false;
      state.chosen = true;
      if (!sameSelection(selection, state.enrichment.selection)) {
        update(callId, state, { selection });
        loadLists(callId, state);
      }
      if (state.input) await deps.memory.remember(state.input.number.e164, selection);
      return true;
    },
    agentChose: (callId) => calls.get(callId)?.chosen ?? false,
    forget(callId) {
      calls.delete(callId);
      deps.lists.forget(`${callId}|`);
    },
  };
}
