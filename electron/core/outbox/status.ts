import type { OutboxEntryView, OutboxStatus } from '../../../shared/contract/writes';
import { isEntryRef, type OutboxEntry } from './entry';

export type { OutboxStatus } from '../../../shared/contract/writes';

/** The status the UI shows: counts, the last transient error, and every entry not yet forgotten. */
export function summarize(entries: readonly OutboxEntry[], lastError: string | undefined): OutboxStatus {
  const pending = entries.filter((e) => e.state === 'pending' || e.state === 'sending').length;
  return {
    pending,
    failed: entries.filter((e) => e.state === 'failed').length,
    ...(lastError !== undefined && pending > 0 ? { lastError } : {}),
    entries: entries.map((e) => toEntryView(e, entries)),
  };
}

export function toEntryView(entry: OutboxEntry, all: readonly OutboxEntry[]): OutboxEntryView {
  const fields = Object.fromEntries(
    Object.entries(entry.op.fields).map(([code, value]) => {
      if (!isEntryRef(value)) return [code, value];
      const parent = all.find((e) => e.id === value.$entry);
      return [code, parent?.result ? Number(parent.result.id) : `(created by "${parent?.label ?? value.$entry}")`];
    }),
  );
  const pendingReferences = Object.entries(entry.op.fields)
    .filter(([, value]) => isEntryRef(value) && !all.find((e) => e.id === value.$entry)?.result)
    .map(([code]) => code);
  return {
    id: entry.id,
    label: entry.label,
    state: entry.state,
    operation: entry.op.kind,
    class: entry.op.class,
    fields,
    ...(pendingReferences.length > 0 ? { pendingReferences } : {}),
    attempts: entry.attempts,
    createdAt: entry.createdAt,
    ...(entry.state === 'pending' ? { nextAttemptAt: entry.nextAttemptAt } : {}),
    ...(entry.lastError !== undefined ? { lastError: entry.lastError } : {}),
    ...(entry.issues ? { issues: entry.issues } : {}),
    ...(entry.result ? { result: { class: entry.result.class, id: String(entry.result.id) } } : {}),
  };
}
