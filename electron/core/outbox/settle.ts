import type { Log } from '../intake/log';
import type { AttemptOutcome } from './attempt';
import type { OutboxEntry } from './entry';
import type { Backoff } from './error-class';

export interface SettleContext {
  readonly now: number;
  readonly backoff: Backoff;
  /** When an uncertain entry may be examined again (its last request may still be running in iTop). */
  readonly notBeforeGrace: (entry: OutboxEntry, at: number) => number;
  readonly log?: Log;
}

/** The entry after one attempt, and the outbox-wide "last error" it leaves (`keep` = unchanged). */
export interface Settled {
  readonly entry: OutboxEntry;
  readonly lastError: { readonly set: string | undefined } | 'keep';
}

/**
 * What one attempt's outcome makes of an entry that was `sending`: done (errors cleared), pending again for
 * a retry with backoff (uncertain sticks once set), pending on its fallback operation (a class this iTop
 * lacks), or failed for the agent to correct, retry or discard.
 */
export function settleAttempt(current: OutboxEntry, outcome: AttemptOutcome, ctx: SettleContext): Settled {
  if (outcome.kind === 'use-fallback' && current.op.fallback) {
    ctx.log?.info('outbox: iTop does not know the class, using the fallback', { entry: current.id, class: current.op.class, error: outcome.message });
    return { entry: { ...current, state: 'pending', op: current.op.fallback, nextAttemptAt: ctx.now }, lastError: 'keep' };
  }
  if (outcome.kind === 'use-fallback') return { entry: { ...current, state: 'failed', lastError: outcome.message, settledAt: ctx.now }, lastError: 'keep' };
  if (outcome.kind === 'done') {
    const done: OutboxEntry = { ...current, state: 'done', uncertain: false, result: outcome.result, settledAt: ctx.now };
    delete done.lastError;
    delete done.issues;
    return { entry: done, lastError: { set: undefined } };
  }
  if (outcome.verdict.kind === 'retry') {
    const uncertain = current.uncertain || outcome.verdict.uncertain;
    const retry: OutboxEntry = { ...current, state: 'pending', uncertain, lastError: outcome.verdict.message };
    ctx.log?.info('outbox: iTop unavailable, will retry', { entry: current.id, attempt: current.attempts, error: outcome.verdict.message });
    return { entry: { ...retry, nextAttemptAt: ctx.notBeforeGrace(retry, ctx.now + ctx.backoff.delayMs(current.attempts)) }, lastError: { set: outcome.verdict.message } };
  }
  ctx.log?.warn('outbox: iTop refused a write', { entry: current.id, label: current.label, error: outcome.verdict.message });
  const failed: OutboxEntry = { ...current, state: 'failed', lastError: outcome.verdict.message, settledAt: ctx.now, ...(outcome.verdict.issues ? { issues: outcome.verdict.issues } : {}) };
  return { entry: failed, lastError: 'keep' };
}
