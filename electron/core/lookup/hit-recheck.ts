import { err, ok, type Result } from '../../../shared/result';
import { compareHits, MAX_MATCHES_KEPT, type PersonHit } from './found-callers';
import type { PhoneIndexService } from './index-service';
import { getWithFieldFallback, type ItopReader, type ReadFailure } from './itop-reader';
import { toPersonRecord, type PersonRecord } from './person-record';

export interface HitRecheckDeps {
  readonly index: PhoneIndexService;
  readonly reader: ItopReader;
  readonly outputFields: readonly string[];
  readonly phoneAttributes: readonly string[];
  readonly describeFailure: (failure: ReadFailure) => string;
}

/**
 * Call-time check of what the index matched: the likeliest Persons are re-read by id in ONE request, sent as
 * the call starts, next to the ticket lists (the name is already on screen from the index). A Person whose
 * number changed no longer matches, a deleted one disappears, an inactive one shows as such — on this call's
 * card and chooser, and in the index, so the next call is right even before the slice refresh gets there.
 * Matching itself stays the index's: after the update the lookup asks the index again.
 */
export function createHitRecheck(deps: HitRecheckDeps) {
  const refused = new Set<string>();
  /** Re-reads the likeliest hits and brings the index up to date with them; the caller then asks the index again. */
  return async function recheck(hits: readonly PersonHit[], keepPersonId?: string): Promise<Result<number, string>> {
    const ordered = [...hits].sort(compareHits);
    const checked = ordered.slice(0, MAX_MATCHES_KEPT);
    const kept = keepPersonId === undefined ? undefined : ordered.find((h) => h.person.id === keepPersonId);
    if (kept && !checked.includes(kept)) checked.push(kept);
    const ids = checked.map((h) => h.person.id).filter((id) => /^\d+$/.test(id));
    if (ids.length === 0) return ok(0);
    const key = `SELECT Person WHERE id IN (${ids.join(',')})`;
    const reply = await getWithFieldFallback(deps.reader, { class: 'Person', key, outputFields: deps.outputFields }, refused);
    if (!reply.ok) return err(`Caller check failed: ${deps.describeFailure(reply.error)}`);
    const fresh = new Map<string, PersonRecord>();
    for (const object of reply.value.objects) {
      const person = toPersonRecord(object, deps.phoneAttributes);
      if (person) fresh.set(person.id, person);
    }
    for (const id of ids) {
      const person = fresh.get(id);
      // Not returned any more: deleted (or no longer readable by this login), so it must stop matching.
      if (person) deps.index.learn(person);
      else deps.index.forget(id);
    }
    return ok(ids.length);
  };
}
