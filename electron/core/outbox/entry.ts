import { z } from 'zod';

/**
 * What the outbox stores on disk: one entry per write to iTop. Plain JSON, validated when the file is read,
 * so a hand-edited or half-migrated file is reported instead of crashing the worker.
 */

const CODE = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const ClassName = z.string().regex(CODE, 'must be an iTop class name such as UserRequest');
export const AttributeCode = z.string().regex(CODE, 'must be an iTop attribute code such as note');
export const EntryId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'must be an outbox entry id');

/** A value standing for the id of the object another entry created (resolved when that entry is done). */
export const EntryRef = z.strictObject({ $entry: EntryId });
export type EntryRef = z.infer<typeof EntryRef>;

/**
 * An OQL query as an external-key value or an update key (`SELECT Ticket WHERE ref = 'R-000008'`,
 * `SELECT Person WHERE id = :current_contact_id`): iTop resolves it when the entry is sent (itop-rest.md
 * §3.9.1), so nothing has to be asked before the write is queued.
 */
export const OqlKey = z.string().regex(/^\s*SELECT\s+[A-Za-z_]/i, 'must be an OQL query (SELECT …)').max(2000);

/** Attribute code → value as iTop's REST API takes it; a top-level EntryRef is replaced by the created id. */
export const WriteFields = z.record(AttributeCode, z.unknown());
export type WriteFields = z.infer<typeof WriteFields>;

const outputFields = z.array(AttributeCode).min(1).default(['id']);

/**
 * `markField`: a text attribute the entry's unique marker is appended to (the PhoneCall `note`; a ticket's
 * `description` in entries queued by older versions), so a retry can find the object an earlier attempt may
 * have created. `markLog`: instead, the case log (`private_log`) whose `add_item` entry carries the marker, so
 * the marker stays out of what the caller reads. Without either, a create that may have reached iTop is
 * matched by its scalar fields instead.
 */
export const CreateOp = z.strictObject({
  kind: z.literal('create'),
  class: ClassName,
  fields: WriteFields,
  markField: AttributeCode.optional(),
  markLog: AttributeCode.optional(),
  outputFields,
});

/**
 * `markLog`: the case log whose `add_item` message is looked for before a retry; its entry carries the marker
 * when it is `private_log` (agent-only), never in `public_log`, which the caller reads (that one is recognised
 * by its exact text). An update without one only sets values, which is harmless to repeat.
 * `key`: an id, the object another entry creates, or an OQL query resolved by iTop at send time (a ticket
 * named by its ref while iTop was unreachable).
 */
export const UpdateOp = z.strictObject({
  kind: z.literal('update'),
  class: ClassName,
  key: z.union([z.number().int().positive(), EntryRef, OqlKey]),
  fields: WriteFields,
  markLog: AttributeCode.optional(),
  outputFields,
});

const SimpleOp = z.discriminatedUnion('kind', [CreateOp, UpdateOp]);

/**
 * `fallback`: what to send instead when this iTop does not know the op's class (a PhoneCall on an iTop
 * without the telephony extension becomes a private-log entry on the ticket).
 */
export const WriteOp = z.discriminatedUnion('kind', [
  CreateOp.extend({ fallback: SimpleOp.optional() }),
  UpdateOp.extend({ fallback: SimpleOp.optional() }),
]);
export type WriteOp = z.infer<typeof WriteOp>;
export type WriteOpInput = z.input<typeof WriteOp>;

/**
 * pending → sending → done; pending → failed (iTop refused for good; the agent edits + retries, or discards);
 * discarded is explicit and final. `sending` found at start-up means the process died mid-request.
 */
export const EntryState = z.enum(['pending', 'sending', 'done', 'failed', 'discarded']);
export type EntryState = z.infer<typeof EntryState>;

export const EntryResult = z.strictObject({
  class: z.string(),
  id: z.number().int().positive(),
  fields: z.record(z.string(), z.unknown()),
  /** True when an earlier attempt had already created/applied it and the retry found it by its marker. */
  adopted: z.boolean(),
});
export type EntryResult = z.infer<typeof EntryResult>;

export const OutboxEntry = z.strictObject({
  id: EntryId,
  /** Caller-chosen idempotency key (e.g. `call:<callId>:phonecall`): enqueueing it twice returns the first entry. */
  key: z.string().max(300).optional(),
  /** What the agent sees in the status list ("PhoneCall for R-000123"). */
  label: z.string().max(300),
  marker: z.string(),
  op: WriteOp,
  state: EntryState,
  createdAt: z.number(),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.number(),
  /** An attempt may have reached iTop without us learning the outcome: look for the marker before resending. */
  uncertain: z.boolean(),
  /** When the last attempt was sent: an uncertain entry is not re-checked before `sentAt + grace`. */
  sentAt: z.number().optional(),
  lastError: z.string().optional(),
  /** Per-attribute problems when iTop refused to save (for the correction form). */
  issues: z.array(z.strictObject({ attribute: z.string(), label: z.string(), reason: z.string() })).optional(),
  result: EntryResult.optional(),
  settledAt: z.number().optional(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

export const OutboxDocument = z.strictObject({
  version: z.literal(1),
  entries: z.array(OutboxEntry),
});
export type OutboxDocument = z.infer<typeof OutboxDocument>;

export const isEntryRef = (value: unknown): value is EntryRef => EntryRef.safeParse(value).success;

/** Ids of the entries whose created object this op needs. */
export function dependenciesOf(op: WriteOp | z.infer<typeof SimpleOp>): string[] {
  const refs = Object.values(op.fields).filter(isEntryRef).map((r) => r.$entry);
  if (op.kind === 'update' && isEntryRef(op.key)) refs.push(op.key.$entry);
  if ('fallback' in op && op.fallback) refs.push(...dependenciesOf(op.fallback));
  return [...new Set(refs)];
}
