export { systemClock, type OutboxClock } from './clock';
export { createOutbox, type EnqueueRequest, type Outbox, type OutboxDeps } from './outbox';
export { exponentialBackoff, judgeFailure, type AttemptVerdict, type Backoff } from './error-class';
export type { EntryRef, OutboxEntry, WriteFields, WriteOp, WriteOpInput } from './entry';
export { toEntryView, type OutboxStatus } from './status';
