import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from './entry';
import { exponentialBackoff, judgeFailure } from './error-class';
import { nextToSend, orphans, prune } from './queue-rules';

const entry = (id: string, state: OutboxEntry['state'], ticket: number | { $entry: string } = 1): OutboxEntry => ({
  id, label: id, marker: `[cti:${id}]`, state, createdAt: 0, attempts: 0, nextAttemptAt: 0, uncertain: false,
  op: { kind: 'create', class: 'PhoneCall', fields: { ticket_id: ticket }, outputFields: ['id'] },
});

describe('queue rules', () => {
  it('sends in order, skipping only what waits for a refused entry', () => {
    const list = [entry('aaaaaaaa', 'failed'), entry('bbbbbbbb', 'pending', { $entry: 'aaaaaaaa' }), entry('cccccccc', 'pending')];
    expect(nextToSend(list)?.id).toBe('cccccccc');
    expect(orphans(list)).toEqual([]); // a failed parent may still be corrected
  });
  it('an entry whose parent was discarded is an orphan (to fail visibly)', () => {
    const list = [entry('aaaaaaaa', 'discarded'), entry('bbbbbbbb', 'pending', { $entry: 'aaaaaaaa' })];
    expect(orphans(list).map((o) => o.why)).toEqual(['"aaaaaaaa" was discarded']);
  });
  it('forgets old settled entries but never failed ones or needed parents', () => {
    const list = [entry('d0000000', 'done'), entry('d1111111', 'done'), entry('f0000000', 'failed'), entry('p0000000', 'pending', { $entry: 'd0000000' }), entry('d2222222', 'done')];
    expect(prune(list, 1).map((e) => e.id)).toEqual(['d0000000', 'f0000000', 'p0000000', 'd2222222']);
  });
});

describe('failure verdicts', () => {
  it('retries what may resolve itself, and says when a request may have landed', () => {
    expect(judgeFailure({ kind: 'network', message: 'connect ECONNREFUSED 127.0.0.1:1' })).toMatchObject({ kind: 'retry', uncertain: false });
    expect(judgeFailure({ kind: 'timeout', afterMs: 10 })).toMatchObject({ kind: 'retry', uncertain: true });
    expect(judgeFailure({ kind: 'http', status: 500, bodySnippet: '' })).toMatchObject({ kind: 'retry', uncertain: true });
    expect(judgeFailure({ kind: 'itop', code: 1, message: 'Error: Invalid login', operation: 'core/create' })).toMatchObject({ kind: 'retry' });
  });
  it('rejects what iTop will refuse again, with the issues', () => {
    const v = judgeFailure({ kind: 'itop', code: 100, operation: 'core/create', message: "Error: Unexpected value for attribute 'Agent' (agent_id) : Null not allowed: issues = {0=>Unexpected value for attribute 'Agent' (agent_id) : Null not allowed}, class = PhoneCall, id = -1" });
    expect(v).toEqual({ kind: 'reject', message: 'iTop refused to save: Agent (agent_id): Null not allowed.', issues: [{ attribute: 'agent_id', label: 'Agent', reason: 'Null not allowed' }] });
    expect(judgeFailure({ kind: 'itop', code: 1, operation: 'core/create', message: 'The current user does not have enough permissions for creating data of class Person' }).kind).toBe('reject');
  });
  it('backs off exponentially within bounds', () => {
    const b = exponentialBackoff({ baseMs: 100, maxMs: 1000, random: () => 1 });
    expect([1, 2, 3, 4, 5, 50].map((n) => b.delayMs(n))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(exponentialBackoff({ baseMs: 100, maxMs: 1000, random: () => 0 }).delayMs(5)).toBe(50);
  });
});
