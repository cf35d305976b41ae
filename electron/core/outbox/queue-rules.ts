import { dependenciesOf, type OutboxEntry } from './entry';

/**
 * The outbox's decisions as pure functions of the entry list (kept in enqueue order), so they are tested
 * without disk or network: which entry goes next, what blocks what, which settled entries can be forgotten.
 */

export const isOpen = (e: OutboxEntry): boolean => e.state === 'pending' || e.state === 'sending';

export type Readiness = { kind: 'ready' } | { kind: 'waiting'; on: string } | { kind: 'blocked'; on: string; why: string };

/** Whether the entries this one depends on have all produced their object. */
export function readiness(entry: OutboxEntry, byId: ReadonlyMap<string, OutboxEntry>): Readiness {
  for (const dep of dependenciesOf(entry.op)) {
    const other = byId.get(dep);
    if (!other) return { kind: 'blocked', on: dep, why: 'the entry it depends on no longer exists' };
    if (other.state === 'done') continue;
    if (other.state === 'failed') return { kind: 'blocked', on: dep, why: `it waits for "${other.label}", which iTop refused` };
    if (other.state === 'discarded') return { kind: 'blocked', on: dep, why: `"${other.label}" was discarded` };
    return { kind: 'waiting', on: dep };
  }
  return { kind: 'ready' };
}

/**
 * The next entry to send: the oldest open entry whose dependencies are done. Entries are sent strictly in
 * order, so a call logged first reaches iTop first; only entries blocked by a refused one are skipped.
 */
export function nextToSend(entries: readonly OutboxEntry[]): OutboxEntry | undefined {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return entries.find((e) => isOpen(e) && readiness(e, byId).kind === 'ready');
}

/** Open entries that can never run because what they depend on was discarded or vanished. */
export function orphans(entries: readonly OutboxEntry[]): { entry: OutboxEntry; why: string }[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const out: { entry: OutboxEntry; why: string }[] = [];
  for (const entry of entries) {
    if (!isOpen(entry)) continue;
    const r = readiness(entry, byId);
    if (r.kind === 'blocked' && byId.get(r.on)?.state !== 'failed') out.push({ entry, why: r.why });
  }
  return out;
}

/**
 * Forgets settled entries beyond the newest `keep`, except those an open or failed entry still refers to
 * (their created id is needed) — failed entries are never forgotten: only the agent discards them.
 */
export function prune(entries: readonly OutboxEntry[], keep: number): OutboxEntry[] {
  const needed = new Set(entries.filter((e) => e.state !== 'done' && e.state !== 'discarded').flatMap((e) => dependenciesOf(e.op)));
  const settled = entries.filter((e) => e.state === 'done' || e.state === 'discarded');
  const forget = new Set(settled.slice(0, Math.max(0, settled.length - keep)).filter((e) => !needed.has(e.id)).map((e) => e.id));
  return forget.size === 0 ? [...entries] : entries.filter((e) => !forget.has(e.id));
}
