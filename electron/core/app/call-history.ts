import { join } from 'node:path';
import { z } from 'zod';
import { HistoryEntry, type CallView } from '../../../shared/contract/views';
import { createJsonFile } from './json-file';

/** Calls kept in the history file and the panel; older ones drop off. */
export const MAX_HISTORY_ENTRIES = 300;
const HistoryFile = z.object({ version: z.literal(1), entries: z.array(HistoryEntry) });

/** The number a missed call is "called back" on: E.164 when known, else the raw text. */
const numberKey = (view: Pick<CallView, 'number'>): string => view.number.e164 ?? view.number.raw.trim();

/**
 * Recent calls (newest first) and open missed calls, persisted in the data dir. A missed call stays open
 * until the agent calls that number back, or answers a new call from it.
 */
export interface CallHistory {
  entries(): HistoryEntry[];
  /** Records a call's latest state; returns true when the history changed. */
  record(view: CallView): boolean;
  clearMissed(number: string): boolean;
  flush(): Promise<void>;
}

const sameNumber = (a: HistoryEntry['number'], b: HistoryEntry['number']): boolean =>
  a === b || (a.raw === b.raw && a.kind === b.kind && a.e164 === b.e164 && a.display === b.display && a.problem === b.problem);
/** Field by field: runs for every call on every publish, where a JSON comparison was most of the cost. */
const sameEntry = (a: HistoryEntry, b: HistoryEntry): boolean =>
  a.state === b.state && a.missedOpen === b.missedOpen && a.durationMs === b.durationMs && a.name === b.name && a.startedAt === b.startedAt &&
  a.direction === b.direction && sameNumber(a.number, b.number);

export async function openCallHistory(deps: { dataDir: string; log?: (message: string) => void }): Promise<CallHistory> {
  const file = createJsonFile(join(deps.dataDir, 'call-history.json'), HistoryFile, () => ({ version: 1 as const, entries: [] }), deps.log);
  let entries: HistoryEntry[] = (await file.read()).entries.slice(0, MAX_HISTORY_ENTRIES);
  const byId = new Map<string, HistoryEntry>();
  const index = (): void => {
    byId.clear();
    for (const e of entries) byId.set(e.callId, e);
  };
  index();
  const save = (): void => void file.write({ version: 1, entries });

  const clears = (e: HistoryEntry, key: string, exceptCallId?: string) => e.missedOpen && e.callId !== exceptCallId && (e.number.e164 === key || e.number.raw.trim() === key);
  const clear = (key: string, exceptCallId?: string): boolean => {
    // Runs for every answered call on every publish: allocate only when a missed call really closes.
    if (!entries.some((e) => clears(e, key, exceptCallId))) return false;
    entries = entries.map((e) => (clears(e, key, exceptCallId) ? { ...e, missedOpen: false } : e));
    index();
    return true;
  };

  return {
    entries: () => entries,
    record(view) {
      const name = view.callers.matches.length === 1 ? view.callers.matches[0]?.name : view.displayName;
      const entry: HistoryEntry = {
        callId: view.callId,
        direction: view.direction,
        state: view.state,
        number: view.number,
        ...(name ? { name } : {}),
        startedAt: view.startedAt,
        ...(view.durationMs !== undefined ? { durationMs: view.durationMs } : {}),
        missedOpen: view.state === 'missed',
      };
      // Every publish records every live call: compare cheaply first, search the array only on a change.
      const before = byId.get(view.callId);
      // Once cleared (called back), a missed call stays cleared even if the session reports it again.
      if (before && !before.missedOpen && before.state === 'missed') entry.missedOpen = false;
      const changed = before === undefined || !sameEntry(before, entry);
      if (changed) {
        const at = before === undefined ? -1 : entries.indexOf(before);
        if (at >= 0) entries[at] = entry;
        else entries = [entry, ...entries].slice(0, MAX_HISTORY_ENTRIES);
        index();
      }
      const callsBack = view.direction === 'outbound' || view.state === 'answered' || (view.direction === 'inbound' && view.state === 'ended');
      // Only when this call changed: an old answered call still on screen must not close a newer missed call.
      if (changed && callsBack && view.number.kind === 'external') clear(numberKey(view), view.callId);
      if (changed) save();
      return changed;
    },
    clearMissed(number) {
      const changed = clear(number.trim());
      if (changed) save();
      return changed;
    },
    flush: () => file.flush(),
  };
}
