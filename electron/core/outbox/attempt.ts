import { bindOql } from '../../../shared/oql/bind';
import { describeItopError, isUnknownClass, type ItopClient, type ItopError, type ItopObject } from '../itop';
import { isEntryRef, type EntryResult, type OutboxEntry, type WriteFields, type WriteOp } from './entry';
import { judgeFailure, type AttemptVerdict } from './error-class';
import { addedLogText, logHolds, markCreate, markUpdate } from './marking';

/** The outcome of one try at one entry. */
export type AttemptOutcome =
  | { kind: 'done'; result: EntryResult }
  | { kind: 'failed'; verdict: AttemptVerdict }
  /** iTop does not know the class and the entry has a fallback: switch to it and send again. */
  | { kind: 'use-fallback'; message: string };

/** Id of the object a finished entry created; undefined while it is not done. */
export type RefResolver = (entryId: string) => number | undefined;

type UpdateOp = Extract<WriteOp, { kind: 'update' }>;

/**
 * One attempt: resolve references to earlier entries (and an update key given as OQL, through iTop), look
 * for the marker when an earlier attempt may have reached iTop (adopt instead of duplicating), then send.
 * Everything that depends on iTop is decided here, on each attempt, never when the entry is queued.
 */
export async function attemptEntry(entry: OutboxEntry, client: ItopClient, resolve: RefResolver): Promise<AttemptOutcome> {
  const resolved = resolveRefs(entry.op, resolve);
  if (!resolved.ok) return failed({ kind: 'retry', uncertain: false, message: resolved.error });
  let op = resolved.op;
  if (op.kind === 'update' && typeof op.key === 'string') {
    const target = await findUpdateTarget(op, client);
    if (target.kind === 'error') return target.outcome;
    op = { ...op, class: target.object.class, key: Number(target.object.key) };
  }
  if (entry.uncertain) {
    const found = await findEarlierAttempt(entry.marker, op, client);
    if (found.kind === 'error' && entry.op.fallback && found.unknownClass) return { kind: 'use-fallback', message: 'this iTop does not know the class' };
    if (found.kind !== 'not-found') return found.kind === 'found' ? { kind: 'done', result: toResult(found.object, true) } : found.outcome;
  }
  const r = op.kind === 'create'
    ? await client.create({ class: op.class, fields: markCreate(op, entry.marker), outputFields: op.outputFields })
    : await client.update({ class: op.class, key: op.key as number, fields: markUpdate(op, entry.marker), outputFields: op.outputFields });
  if (r.ok) return { kind: 'done', result: toResult(r.value, false) };
  if (entry.op.fallback && (isUnknownClass(r.error) || isNoCurrentContact(r.error))) return { kind: 'use-fallback', message: describeItopError(r.error) };
  return failed(judgeFailure(r.error));
}

/**
 * iTop's definite answer that this login has no Person (an external key `… WHERE id = :current_contact_id`
 * found nothing): a PhoneCall cannot name its agent, so its fallback is used. An unreachable iTop never is.
 */
const isNoCurrentContact = (e: ItopError): boolean => e.kind === 'itop' && /No item found for query: .*:current_contact_id/.test(e.message);

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
  if (op.kind === 'create' || !isEntryRef(op.key)) return { ok: true, op: { ...op, fields } };
  const key = resolve(op.key.$entry);
  if (key === undefined) return { ok: false, error: `the object to update waits for entry ${op.key.$entry}` };
  return { ok: true, op: { ...op, fields, key } };
}

type Target = { kind: 'ok'; object: ItopObject } | { kind: 'error'; outcome: AttemptOutcome };

/** The object an OQL update key names, with its final class (a ticket named by its ref when it was queued). */
async function findUpdateTarget(op: UpdateOp, client: ItopClient): Promise<Target> {
  const query = op.key as string;
  const r = await client.get({ class: op.class, key: query, outputFields: ['id'], limit: 2 });
  if (!r.ok) return { kind: 'error', outcome: failed(judgeFailure(r.error)) };
  const [first, second] = r.value.objects;
  if (!first) return { kind: 'error', outcome: failed({ kind: 'reject', message: `iTop has no ${op.class} for ${query} (or you may not see it).` }) };
  if (second) return { kind: 'error', outcome: failed({ kind: 'reject', message: `Several ${op.class} objects match ${query}.` }) };
  return { kind: 'ok', object: first };
}

type Search = { kind: 'found'; object: ItopObject } | { kind: 'not-found' } | { kind: 'error'; outcome: AttemptOutcome; unknownClass?: boolean };

/** Did an earlier attempt of this entry already land in iTop? */
async function findEarlierAttempt(marker: string, op: WriteOp, client: ItopClient): Promise<Search> {
  if (op.kind === 'update') {
    if (!op.markLog) return { kind: 'not-found' }; // setting values again is harmless
    const r = await client.get({ class: op.class, key: op.key as number, outputFields: [...new Set([...op.outputFields, op.markLog])] });
    if (!r.ok) return { kind: 'error', outcome: failed(judgeFailure(r.error)) };
    const object = r.value.objects[0];
    return object && logHolds(object.fields[op.markLog], marker, addedLogText(op)) ? { kind: 'found', object } : { kind: 'not-found' };
  }
  let key: string | Record<string, unknown>;
  const marked = op.markLog ?? op.markField;
  if (marked) {
    // A case log is searched as iTop stores it: one text holding every entry (LIKE finds the marker in it).
    const oql = bindOql(`SELECT ${op.class} WHERE ${marked} LIKE :marker`, { marker: { like: marker, anywhere: true } });
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

function toResult(object: ItopObject, adopted: boolean): EntryResult {
  return { class: object.class, id: Number(object.key), fields: object.fields, adopted };
}
