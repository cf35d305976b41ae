import { bindOql } from '../../../shared/oql/bind';
import { describeItopError, isUnknownClass, type ItopClient, type ItopObject } from '../itop';
import { isEntryRef, type EntryResult, type OutboxEntry, type WriteFields, type WriteOp } from './entry';
import { judgeFailure, type AttemptVerdict } from './error-class';

/** The outcome of one try at one entry. */
export type AttemptOutcome =
  | { kind: 'done'; result: EntryResult }
  | { kind: 'failed'; verdict: AttemptVerdict }
  /** iTop does not know the class and the entry has a fallback: switch to it and send again. */
  | { kind: 'use-fallback'; message: string };

/** Id of the object a finished entry created; undefined while it is not done. */
export type RefResolver = (entryId: string) => number | undefined;

/**
 * One attempt: resolve references to earlier entries, look for the marker when an earlier attempt may have
 * reached iTop (adopt instead of duplicating), then send.
 */
export async function attemptEntry(entry: OutboxEntry, client: ItopClient, resolve: RefResolver): Promise<AttemptOutcome> {
  const resolved = resolveRefs(entry.op, resolve);
  if (!resolved.ok) return failed({ kind: 'retry', uncertain: false, message: resolved.error });
  const op = resolved.op;
  if (entry.uncertain) {
    const found = await findEarlierAttempt(entry.marker, op, client);
    if (found.kind === 'error' && entry.op.fallback && found.unknownClass) return { kind: 'use-fallback', message: 'this iTop does not know the class' };
    if (found.kind !== 'not-found') return found.kind === 'found' ? { kind: 'done', result: toResult(found.object, true) } : found.outcome;
  }
  const r = op.kind === 'create'
    ? await client.create({ class: op.class, fields: markCreate(op, entry.marker), outputFields: op.outputFields })
    : await client.update({ class: op.class, key: op.key as number, fields: markUpdate(op, entry.marker), outputFields: op.outputFields });
  if (r.ok) return { kind: 'done', result: toResult(r.value, false) };
  if (entry.op.fallback && isUnknownClass(r.error)) return { kind: 'use-fallback', message: describeItopError(r.error) };
  return failed(judgeFailure(r.error));
}

const failed = (verdict: AttemptVerdict): AttemptOutcome => ({ kind: 'failed', verdict });

function resolveRefs(op: WriteOp, resolve: RefResolver): { ok: true; op: WriteOp } | { ok: false; error: string } {
  const fields: WriteFields = {};
  for (const [code, value] of Object.entries(op.fields)) {
    if (!isEntryRef(value)) {
      fields[code] = value;
      continue;
    }
    const id = resolve(value.$entry);
    if (id === undefined) return { ok: false, error: `${code} waits for entry ${value.$entry}` };
    fields[code] = id;
  }
  if (op.kind === 'create') return { ok: true, op: { ...op, fields } };
  const key = typeof op.key === 'number' ? op.key : resolve(op.key.$entry);
  if (key === undefined) return { ok: false, error: `the object to update waits for entry ${(op.key as { $entry: string }).$entry}` };
  return { ok: true, op: { ...op, fields, key } };
}

const appendMarker = (text: unknown, marker: string): string =>
  typeof text === 'string' && text.trim() !== '' ? `${text}\n\n${marker}` : marker;

function markCreate(op: Extract<WriteOp, { kind: 'create' }>, marker: string): WriteFields {
  if (!op.markField) return op.fields;
  return { ...op.fields, [op.markField]: appendMarker(op.fields[op.markField], marker) };
}

function markUpdate(op: Extract<WriteOp, { kind: 'update' }>, marker: string): WriteFields {
  if (!op.markLog) return op.fields;
  const value = op.fields[op.markLog];
  if (isAddItem(value)) return { ...op.fields, [op.markLog]: { add_item: { ...value.add_item, message: appendMarker(value.add_item.message, marker) } } };
  return { ...op.fields, [op.markLog]: appendMarker(value, marker) };
}

function isAddItem(value: unknown): value is { add_item: { message: string } & Record<string, unknown> } {
  if (typeof value !== 'object' || value === null || !('add_item' in value)) return false;
  const item = (value as { add_item: unknown }).add_item;
  return typeof item === 'object' && item !== null && typeof (item as { message?: unknown }).message === 'string';
}

type Search = { kind: 'found'; object: ItopObject } | { kind: 'not-found' } | { kind: 'error'; outcome: AttemptOutcome; unknownClass?: boolean };

/** Did an earlier attempt of this entry already land in iTop? */
async function findEarlierAttempt(marker: string, op: WriteOp, client: ItopClient): Promise<Search> {
  if (op.kind === 'update') {
    if (!op.markLog) return { kind: 'not-found' }; // setting values again is harmless
    const r = await client.get({ class: op.class, key: op.key as number, outputFields: [...new Set([...op.outputFields, op.markLog])] });
    if (!r.ok) return { kind: 'error', outcome: failed(judgeFailure(r.error)) };
    const object = r.value.objects[0];
    return object && logContains(object.fields[op.markLog], marker) ? { kind: 'found', object } : { kind: 'not-found' };
  }
  let key: string | Record<string, unknown>;
  if (op.markField) {
    const oql = bindOql(`SELECT ${op.class} WHERE ${op.markField} LIKE :marker`, { marker: { like: marker, anywhere: true } });
    if (!oql.ok) return { kind: 'error', outcome: failed({ kind: 'reject', message: oql.error.message }) };
    key = oql.value;
  } else {
    // No text to mark (a Person): the object we would create is recognised by the values we set.
    const criteria = Object.fromEntries(Object.entries(op.fields).filter(([, v]) => typeof v === 'string' || typeof v === 'number'));
    if (Object.keys(criteria).length === 0) return { kind: 'not-found' };
    key = criteria;
  }
  const r = await client.get({ class: op.class, key, outputFields: op.outputFields, limit: 1 });
  if (!r.ok) return { kind: 'error', outcome: failed(judgeFailure(r.error)), unknownClass: isUnknownClass(r.error) };
  const object = r.value.objects[0];
  return object ? { kind: 'found', object } : { kind: 'not-found' };
}

function logContains(log: unknown, marker: string): boolean {
  if (typeof log !== 'object' || log === null || !Array.isArray((log as { entries?: unknown }).entries)) return false;
  return (log as { entries: unknown[] }).entries.some(
    (e) => typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string' && (e as { message: string }).message.includes(marker),
  );
}

function toResult(object: ItopObject, adopted: boolean): EntryResult {
  return { class: object.class, id: Number(object.key), fields: object.fields, adopted };
}
