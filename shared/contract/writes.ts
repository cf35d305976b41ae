import { z } from 'zod';
import { TicketRef } from './tickets';

/**
 * Contract additions for writes to iTop (issue 5): creating tickets/persons from a call, logging a call on a
 * ticket, and the outbox every write goes through. To be merged into `invokeContract` / `eventContract`
 * (see `writeInvokeContract`, `writeEventContract` below).
 */

const CallId = z.string().min(1).max(200);
const ClassName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be an iTop class name').max(64);
const AttributeCode = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an iTop attribute code').max(64);
const EntryId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'must be an outbox entry id');

/** What the agent may put in a field of the quick-create form: a text, an enum code or an object id. */
export const FieldValue = z.union([z.string().max(100_000), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)]);
export const FormFields = z.record(AttributeCode, FieldValue).refine((f) => Object.keys(f).length <= 100, 'too many fields');

/** One preset, resolved for this call: what the form shows (editable) and what is sent. */
export const PresetField = z.object({
  attribute: AttributeCode,
  /** `key`: an external key (id); `log`: a case-log entry appended on creation; `value`: enum or text. */
  kind: z.enum(['key', 'log', 'value']),
  value: FieldValue,
  /** The configured preset, e.g. `SELECT Organization … :selected_caller` or `:phone`. */
  source: z.string(),
});
export type PresetField = z.infer<typeof PresetField>;

export const PresetProblem = z.object({ attribute: AttributeCode, message: z.string() });

export const TicketPrefill = z.object({
  class: ClassName,
  fields: z.array(PresetField),
  /** Presets that could not be resolved (left empty in the form, with the reason). */
  problems: z.array(PresetProblem),
  /** iTop's own creation form with the same values (`pages/UI.php?operation=new&class=…&default[…]=…`). */
  itopUrl: z.string(),
  /** The caller the presets used, if any. */
  callerId: z.string().optional(),
});
export type TicketPrefill = z.infer<typeof TicketPrefill>;

export const EntryIssue = z.object({ attribute: z.string(), label: z.string(), reason: z.string() });

/** A created object, or why it is not there yet. */
export const CreateOutcome = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('created'),
    class: z.string(),
    id: z.string(),
    ref: z.string(),
    links: z.object({ view: z.string(), edit: z.string() }),
    entryId: EntryId,
  }),
  /** iTop is down or slow: the outbox will create it; the agent can keep working. */
  z.object({ state: z.literal('queued'), entryId: EntryId, message: z.string() }),
  /** iTop refused (missing field, bad value, no rights): correct with outbox:edit, or outbox:discard. */
  z.object({ state: z.literal('refused'), entryId: EntryId, message: z.string(), issues: z.array(EntryIssue) }),
]);
export type CreateOutcome = z.infer<typeof CreateOutcome>;

export const OutboxEntryView = z.object({
  id: EntryId,
  label: z.string(),
  state: z.enum(['pending', 'sending', 'done', 'failed', 'discarded']),
  operation: z.enum(['create', 'update']),
  class: z.string(),
  /** The fields as they will be sent (references to other entries shown as `(created by …)`). */
  fields: z.record(z.string(), z.unknown()),
  /** Fields that point at an object another entry has yet to create: shown, never edited. */
  pendingReferences: z.array(z.string()).optional(),
  attempts: z.number(),
  createdAt: z.number(),
  nextAttemptAt: z.number().optional(),
  lastError: z.string().optional(),
  issues: z.array(EntryIssue).optional(),
  result: z.object({ class: z.string(), id: z.string() }).optional(),
});
export type OutboxEntryView = z.infer<typeof OutboxEntryView>;

export const OutboxStatus = z.object({
  /** Not yet confirmed by iTop (waiting, in backoff or in flight). */
  pending: z.number().int().nonnegative(),
  /** Refused by iTop, waiting for the agent. */
  failed: z.number().int().nonnegative(),
  lastError: z.string().optional(),
  entries: z.array(OutboxEntryView),
});
export type OutboxStatus = z.infer<typeof OutboxStatus>;

export const AlsoLog = z.enum(['none', 'public_log', 'private_log']);

export const writeInvokeContract = {
  'ticket:prefill': {
    args: z.tuple([z.object({ callId: CallId, class: ClassName })]),
    result: TicketPrefill,
  },
  'ticket:create': {
    args: z.tuple([z.object({ callId: CallId, class: ClassName, fields: FormFields })]),
    result: CreateOutcome,
  },
  'call:log': {
    args: z.tuple([z.object({ callId: CallId, ticket: TicketRef, note: z.string().max(20_000), alsoLog: AlsoLog.optional() })]),
    /** `phonecall`: a PhoneCall object; `private-log`: this iTop has no PhoneCall class, so a private-log entry. */
    result: z.object({ entryId: EntryId, journal: z.enum(['phonecall', 'private-log']) }),
  },
  'person:add-number': {
    args: z.tuple([z.object({ callId: CallId, personId: z.string().regex(/^\d{1,12}$/), attribute: AttributeCode })]),
    result: z.object({ entryId: EntryId }),
  },
  'outbox:status': { args: z.tuple([]), result: OutboxStatus },
  'outbox:retry': { args: z.tuple([z.object({ entryId: EntryId.optional() })]), result: z.null() },
  'outbox:discard': { args: z.tuple([z.object({ entryId: EntryId })]), result: z.null() },
  'outbox:edit': {
    /** `null` removes a field from the write. */
    args: z.tuple([z.object({ entryId: EntryId, fields: z.record(AttributeCode, z.union([FieldValue, z.null()])) })]),
    result: OutboxEntryView,
  },
} as const;

export const writeEventContract = {
  'outbox:changed': OutboxStatus,
} as const;
