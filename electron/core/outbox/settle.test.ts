import { describe, expect, it } from 'vitest';
import { OutboxEntry } from './entry';
import { exponentialBackoff } from './error-class';
import { settleAttempt, type SettleContext } from './settle';

const sending = OutboxEntry.parse({
  id: 'entry-0001', label: 'PhoneCall for R-000002', marker: '[cti:entry-0001]', state: 'sending', createdAt: 0, attempts: 2, nextAttemptAt: 0, uncertain: true, sentAt: 900,
  lastError: 'timed out', op: { kind: 'create', class: 'PhoneCall', fields: { note: 'x' }, fallback: { kind: 'update', class: 'UserRequest', key: 2, fields: { private_log: 'x' } } },
});
const ctx: SettleContext = { now: 1000, backoff: exponentialBackoff(), notBeforeGrace: (e, at) => (e.uncertain ? Math.max(at, 5000) : at) };

describe('settling one attempt', () => {
  it('done: clears the errors and the uncertainty, and the outbox-wide error', () => {
    const s = settleAttempt(sending, { kind: 'done', result: { class: 'PhoneCall', id: 7, fields: {}, adopted: true } }, ctx);
    expect(s.entry).toMatchObject({ state: 'done', uncertain: false, settledAt: 1000, result: { id: 7, adopted: true } });
    expect(s.entry.lastError).toBeUndefined();
    expect(s.lastError).toEqual({ set: undefined });
  });

  it('retry: pending again after the backoff, never before the grace of an uncertain request', () => {
    const s = settleAttempt(sending, { kind: 'failed', verdict: { kind: 'retry', uncertain: false, message: 'iTop is down' } }, ctx);
    expect(s.entry).toMatchObject({ state: 'pending', uncertain: true, lastError: 'iTop is down', nextAttemptAt: 5000 });
    expect(s.lastError).toEqual({ set: 'iTop is down' });
  });

  it('refused: failed with the reasons for the correction form; a missing class switches to the fallback', () => {
    const refused = settleAttempt(sending, { kind: 'failed', verdict: { kind: 'reject', message: 'Null not allowed', issues: [{ attribute: 'note', label: 'Note', reason: 'Null not allowed' }] } }, ctx);
    expect(refused).toMatchObject({ entry: { state: 'failed', settledAt: 1000, issues: [{ attribute: 'note' }] }, lastError: 'keep' });
    const fallback = settleAttempt(sending, { kind: 'use-fallback', message: 'unknown class' }, ctx);
    expect(fallback.entry).toMatchObject({ state: 'pending', op: { kind: 'update', class: 'UserRequest' }, nextAttemptAt: 1000 });
    const { fallback: _none, ...noFallbackOp } = sending.op;
    expect(settleAttempt({ ...sending, op: noFallbackOp }, { kind: 'use-fallback', message: 'unknown class' }, ctx).entry).toMatchObject({ state: 'failed', lastError: 'unknown class' });
  });
});
