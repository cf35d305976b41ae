/**
 * OQL keys in iTop's default order, remembered per query text and user until the data changes: paging
 * through `SELECT Person` 5,000 at a time (the companion's phone index) evaluates and sorts it once, not
 * once per page. The user is part of the key because placeholders (:current_contact_id…) depend on it;
 * everything else a result depends on is stored data, which the store's version covers.
 */
import type { StoredObject } from '../model/types';
import type { Store } from '../store/store';
import type { CallContext, OqlRun } from './context';

export interface SortedQueries {
  run(text: string, call: CallContext): OqlRun;
}

export interface SortedQueriesDeps {
  readonly store: Pick<Store, 'version'>;
  readonly sort: (cls: string, objects: readonly StoredObject[]) => readonly StoredObject[];
  /** Results kept at once, least recently used dropped first (default 8). */
  readonly capacity?: number;
}

interface Entry {
  readonly version: number;
  readonly run: OqlRun & { ok: true };
}

export function createSortedQueries(deps: SortedQueriesDeps): SortedQueries {
  const capacity = deps.capacity ?? 8;
  const entries = new Map<string, Entry>();
  return {
    run(text, call) {
      const key = `${call.user?.id ?? 0}\u0000${text}`;
      const version = deps.store.version();
      const hit = entries.get(key);
      entries.delete(key);
      if (hit?.version === version) {
        entries.set(key, hit); // most recently used last
        return hit.run;
      }
      const run = call.oql.run(text, call);
      if (!run.ok) return run;
      const sorted = { ok: true as const, selectedClass: run.selectedClass, objects: deps.sort(run.selectedClass, run.objects) };
      entries.set(key, { version, run: sorted });
      for (const oldest of entries.keys()) {
        if (entries.size <= capacity) break;
        entries.delete(oldest);
      }
      return sorted;
    },
  };
}
