import type { TicketListView } from '../../../shared/contract/views';
import { bindOql, type OqlParam } from '../../../shared/oql/bind';
import { getWithFieldFallback, type ItopReader, type ReadFailure } from '../lookup/itop-reader';
import { toTicketSummary } from './ticket-summary';

/** One enabled display_tickets list, ready to run. */
export interface ListDefinition {
  /** Stable id: its position in the configured lists (`list-0`…), disabled ones included. */
  readonly id: string;
  readonly label: string;
  readonly query: string;
  /** Undefined when the query does not start like `SELECT Class…` (reported as an error per call). */
  readonly className: string | undefined;
}

export interface TicketListsDeps {
  readonly reader: ItopReader;
  readonly lists: readonly ListDefinition[];
  /** config.lists.fields: refused ones are dropped per class (once) and remembered. */
  readonly fields: readonly string[];
  readonly describeFailure: (failure: ReadFailure) => string;
  /** Rows per list; iTop still reports the total ("Found: N"). */
  readonly limit?: number;
  readonly log?: (message: string) => void;
}

export interface TicketLists {
  readonly definitions: readonly ListDefinition[];
  /** Views to show before anything resolved: every list loading, or empty when there are no callers. */
  initial(callerIds: readonly string[]): TicketListView[];
  /**
   * Runs every enabled list for these callers, in parallel, each reporting through `onList` as it resolves.
   * Results are cached per `cacheKey` (call + selection): a duplicate fire costs no request.
   */
  load(cacheKey: string, callerIds: readonly string[], params: Readonly<Record<string, OqlParam>>, onList?: (view: TicketListView) => void): Promise<TicketListView[]>;
  /** Drops cached results of a call (its tickets changed, or it ended). */
  forget(callKeyPrefix: string): void;
  /** Checks each list's class and fields once (`WHERE id = 0`: no rows), so calls never pay for it. */
  probe(): Promise<ProbeResult[]>;
}

export interface ProbeResult {
  readonly id: string;
  readonly label: string;
  readonly state: 'ok' | 'skipped' | 'error';
  readonly error?: string;
}

const MAX_CACHED = 200;

export function createTicketLists(deps: TicketListsDeps): TicketLists {
  const missingClasses = new Map<string, string>();
  const refusedByClass = new Map<string, Set<string>>();
  const cache = new Map<string, Promise<TicketListView[]>>();
  const limit = deps.limit ?? 100;

  const refusedFor = (cls: string): Set<string> => {
    let set = refusedByClass.get(cls);
    if (!set) refusedByClass.set(cls, (set = new Set()));
    return set;
  };
  const skipped = (list: ListDefinition, why: string): TicketListView => ({ id: list.id, label: list.label, state: 'skipped', tickets: [], error: why });
  const failed = (list: ListDefinition, why: string): TicketListView => ({ id: list.id, label: list.label, state: 'error', tickets: [], error: why });

  const noteMissing = (cls: string, failure: ReadFailure): string => {
    const why = `Class ${failure.kind === 'unknown-class' && failure.className ? failure.className : cls} does not exist in this iTop: the list is skipped.`;
    if (!missingClasses.has(cls)) deps.log?.(why);
    missingClasses.set(cls, why);
    return why;
  };

  async function runOne(list: ListDefinition, params: Readonly<Record<string, OqlParam>>): Promise<TicketListView> {
    const cls = list.className;
    if (!cls) return failed(list, `The query of "${list.label}" does not start with SELECT <class>.`);
    const missing = missingClasses.get(cls);
    if (missing) return skipped(list, missing);
    const bound = bindOql(list.query, params);
    if (!bound.ok) return failed(list, bound.error.message);
    const reply = await getWithFieldFallback(deps.reader, { class: cls, key: bound.value, outputFields: deps.fields, limit, page: 1 }, refusedFor(cls));
    if (!reply.ok) {
      if (reply.error.kind === 'unknown-class') return skipped(list, noteMissing(cls, reply.error));
      return failed(list, deps.describeFailure(reply.error));
    }
    return { id: list.id, label: list.label, state: 'done', tickets: reply.value.objects.map(toTicketSummary), total: reply.value.total };
  }

  return {
    definitions: deps.lists,
    initial(callerIds) {
      if (callerIds.length === 0) return [];
      return deps.lists.map((list) =>
        list.className && missingClasses.has(list.className)
          ? skipped(list, missingClasses.get(list.className) ?? '')
          : { id: list.id, label: list.label, state: 'loading' as const, tickets: [] },
      );
    },
    load(cacheKey, callerIds, params, onList) {
      // "Unknown contact" (or nobody found): the extension removes the lists; so do we, with no request.
      if (callerIds.length === 0) return Promise.resolve([]);
      const cached = cache.get(cacheKey);
      if (cached) {
        if (onList) void cached.then((views) => views.forEach((v) => onList(v)));
        return cached;
      }
      // Person ids are digit strings from iTop; as integers they compare as ids in any OQL.
      const ids = callerIds.map((id) => (/^\d{1,15}$/.test(id) ? Number(id) : id));
      const withCallers = { ...params, callers_list: ids, selected_caller: ids[0] ?? 0 };
      const running = Promise.all(
        deps.lists.map(async (list) => {
          const view = await runOne(list, withCallers).catch((e: unknown) => failed(list, `Unexpected failure: ${(e as Error).message}`));
          onList?.(view);
          return view;
        }),
      );
      cache.set(cacheKey, running);
      while (cache.size > MAX_CACHED) {
        const oldest = cache.keys().next().value;
        if (oldest === undefined) break;
        cache.delete(oldest);
      }
      return running;
    },
    forget(prefix) {
      for (const key of [...cache.keys()]) if (key.startsWith(prefix)) cache.delete(key);
    },
    async probe() {
      const classes = [...new Set(deps.lists.flatMap((l) => (l.className ? [l.className] : [])))];
      const problems = new Map<string, string>();
      await Promise.all(
        classes.map(async (cls) => {
          const reply = await getWithFieldFallback(deps.reader, { class: cls, key: `SELECT ${cls} WHERE id = 0`, outputFields: deps.fields }, refusedFor(cls));
          if (!reply.ok && reply.error.kind === 'unknown-class') noteMissing(cls, reply.error);
          else if (!reply.ok) problems.set(cls, deps.describeFailure(reply.error));
        }),
      );
      return deps.lists.map((list): ProbeResult => {
        const base = { id: list.id, label: list.label };
        if (!list.className) return { ...base, state: 'error', error: 'the query does not start with SELECT <class>' };
        const missing = missingClasses.get(list.className);
        if (missing) return { ...base, state: 'skipped', error: missing };
        const problem = problems.get(list.className);
        return problem ? { ...base, state: 'error', error: problem } : { ...base, state: 'ok' };
      });
    },
  };
}
