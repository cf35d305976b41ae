import { randomUUID } from 'node:crypto';
import { systemClock } from './clock';
import { fail, ok, type Result } from '../../../shared/result';
import { attemptEntry } from './attempt';
import { OutboxEntry as EntrySchema, WriteOp, type OutboxEntry } from './entry';
import { exponentialBackoff } from './error-class';
import { createIntentLog } from './intent-log';
import { loadOutboxFile, saveOutboxFile } from './outbox-file';
import type { Outbox, OutboxDeps } from './outbox-types';
import { nextToSend, orphans, prune } from './queue-rules';
import { settleAttempt } from './settle';
import { summarize } from './status';
import { createOutboxWatchers } from './watchers';

export type { EnqueueRequest, Outbox, OutboxDeps } from './outbox-types';

export function createOutbox(deps: OutboxDeps): Outbox {
  const clock = deps.clock ?? systemClock;
  const backoff = deps.backoff ?? exponentialBackoff();
  const keep = deps.keepSettled ?? 50;
  const newId = deps.newId ?? randomUUID;
  const grace = deps.uncertainGraceMs ?? 30_000;
  /** An uncertain entry is never re-examined while its last request may still be running in iTop. */
  const notBeforeGrace = (e: OutboxEntry, at: number): number => (e.uncertain ? Math.max(at, (e.sentAt ?? 0) + grace) : at);
  let entries: OutboxEntry[] = [];
  let loading: Promise<void> | undefined;
  let ready = false;
  let started = false;
  let stopped = false;
  let pumping: Promise<void> | undefined;
  let wake: unknown;
  let lastError: string | undefined;
  let saving: Promise<void> = Promise.resolve();
  const watchers = createOutboxWatchers(clock, deps.log);
  const intents = createIntentLog(`${deps.file}.intents`);

  const load = (): Promise<void> =>
    (loading ??= loadOutboxFile(deps.file, clock.now).then(async (loaded) => {
      if (loaded.problem) deps.log?.warn(loaded.problem);
      // Entries queued just before a crash, before the main file could be saved with them.
      const recovered = await intents.recover(new Set(loaded.entries.map((e) => e.id)));
      // A `sending` entry means the process died mid-request: iTop may have it already.
      entries = [...loaded.entries, ...recovered].map((e) => {
        if (e.state !== 'sending') return e;
        const pending: OutboxEntry = { ...e, state: 'pending', uncertain: true };
        return { ...pending, nextAttemptAt: notBeforeGrace(pending, e.nextAttemptAt) };
      });
      ready = true;
      if (recovered.length > 0) await persist().catch((e: unknown) => deps.log?.warn(`outbox: cannot save (${(e as Error).message})`));
    }));

  /** Writes the current list; saves are serialized so the last state always lands last. */
  function persist(): Promise<void> {
    const snapshot = entries;
    const next = saving.then(async () => {
      await saveOutboxFile(deps.file, snapshot);
      intents.saved(snapshot.map((e) => e.id));
    });
    saving = next.catch(() => undefined);
    return next;
  }

  function replace(entry: OutboxEntry): void {
    entries = entries.map((e) => (e.id === entry.id ? entry : e));
  }

  const notify = (): void => watchers.notify(entries, lastError);

  function schedule(ms: number): void {
    if (wake !== undefined) clock.clearTimeout(wake);
    wake = clock.setTimeout(() => {
      wake = undefined;
      kick();
    }, Math.max(0, ms));
  }

  function kick(): void {
    if (!started || stopped || pumping) return;
    pumping = pump().finally(() => {
      pumping = undefined;
    });
  }

  async function pump(): Promise<void> {
    while (!stopped) {
      await failOrphans();
      const next = nextToSend(entries);
      if (!next) return;
      const wait = next.nextAttemptAt - clock.now();
      if (wait > 0) return schedule(wait);
      if (!(await send(next))) return schedule(backoff.delayMs(1)); // the disk refused: try again later
    }
  }

  /** One attempt at one entry; false when its state could not be saved (nothing was sent). */
  async function send(entry: OutboxEntry): Promise<boolean> {
    const sending: OutboxEntry = { ...entry, state: 'sending', attempts: entry.attempts + 1, sentAt: clock.now() };
    replace(sending);
    try {
      await persist();
    } catch (e) {
      replace(entry);
      lastError = `The outbox file cannot be written (${(e as Error).message}); nothing is sent until it can.`;
      deps.log?.warn(lastError);
      notify();
      return false;
    }
    const outcome = await attemptEntry(sending, deps.client, (id) => entries.find((e) => e.id === id && e.state === 'done')?.result?.id);
    const current = entries.find((e) => e.id === entry.id);
    if (!current || current.state !== 'sending') return true; // discarded meanwhile
    const settled = settleAttempt(current, outcome, { now: clock.now(), backoff, notBeforeGrace, ...(deps.log ? { log: deps.log } : {}) });
    if (settled.lastError !== 'keep') lastError = settled.lastError.set;
    const updated = settled.entry;
    replace(updated);
    entries = prune(entries, keep);
    await persist().catch((e: unknown) => deps.log?.warn(`outbox: cannot save (${(e as Error).message})`));
    notify();
    return true;
  }

  /** Entries whose parent was discarded can never be sent: the agent must see them, not lose them. */
  async function failOrphans(): Promise<void> {
    const found = orphans(entries);
    if (found.length === 0) return;
    for (const { entry, why } of found) replace({ ...entry, state: 'failed', lastError: `Not sent: ${why}.`, settledAt: clock.now() });
    await persist().catch(() => undefined);
    notify();
  }

  const missing = (entryId: string) => fail('outbox-unknown-entry', `The outbox has no entry ${entryId} (already sent and forgotten, or never queued).`);

  async function change(entryId: string, allowed: readonly OutboxEntry['state'][], make: (e: OutboxEntry) => OutboxEntry): Promise<Result<OutboxEntry>> {
    await load();
    const entry = entries.find((e) => e.id === entryId);
    if (!entry) return missing(entryId);
    if (!allowed.includes(entry.state)) return fail('outbox-wrong-state', `Entry "${entry.label}" is ${entry.state}; this is only possible when it is ${allowed.join(' or ')}.`);
    const updated = make(entry);
    replace(updated);
    try {
      await persist();
    } catch (e) {
      replace(entry);
      return fail('outbox-not-saved', `The change was not saved: the outbox file cannot be written (${(e as Error).message}).`);
    }
    notify();
    kick();
    return ok(updated);
  }

  const requeue = (e: OutboxEntry): OutboxEntry => {
    const { issues: _issues, settledAt: _settled, ...rest } = e;
    return { ...rest, state: 'pending', nextAttemptAt: notBeforeGrace(e, clock.now()) };
  };

  return {
    async start() {
      await load();
      started = true;
      stopped = false;
      notify();
      kick();
    },

    async enqueue(request) {
      // Once loaded, nothing is awaited before the intent is appended: it is on disk in the caller's own turn
      // (the hang-up's, the click's), so a crash right after cannot lose it.
      if (!ready) await load();
      if (request.key !== undefined) {
        const existing = entries.find((e) => e.key === request.key && e.state !== 'discarded');
        if (existing) return ok(existing);
      }
      const op = WriteOp.safeParse(request.op);
      if (!op.success) {
        const issue = op.error.issues[0];
        return fail('outbox-bad-write', `The write "${request.label}" is malformed at ${issue?.path.join('.') || 'op'}: ${issue?.message ?? 'invalid'}.`);
      }
      const id = newId();
      const entry = EntrySchema.parse({
        id, label: request.label.slice(0, 300), marker: `[cti:${id}]`, op: op.data, state: 'pending', createdAt: clock.now(),
        attempts: 0, nextAttemptAt: clock.now(), uncertain: false, ...(request.key !== undefined ? { key: request.key } : {}),
      });
      try {
        intents.append(entry); // the crash-proof moment: before any await
      } catch (e) {
        return fail('outbox-not-saved', `The write "${request.label}" was not queued: the outbox file cannot be written (${(e as Error).message}).`);
      }
      entries = [...entries, entry];
      notify();
      try {
        await persist();
      } catch (e) {
        entries = entries.filter((x) => x.id !== id);
        try {
          intents.drop(id);
        } catch {
          // the caller is told it was not queued; a line left behind is recovered as a queued write
        }
        notify();
        return fail('outbox-not-saved', `The write "${request.label}" was not queued: the outbox file cannot be written (${(e as Error).message}).`);
      }
      kick();
      return ok(entry);
    },

    get: (entryId) => entries.find((e) => e.id === entryId),

    settled: (entryId, timeoutMs) => watchers.settled(entryId, () => entries.find((e) => e.id === entryId), timeoutMs),

    status: () => summarize(entries, lastError),

    subscribe: (listener) => watchers.subscribe(listener),

    async retryNow(entryId) {
      await load();
      if (entryId !== undefined) {
        const r = await change(entryId, ['failed', 'pending'], requeue);
        return r.ok ? ok(null) : r;
      }
      entries = entries.map((e) => (e.state === 'pending' || e.state === 'failed' ? requeue(e) : e));
      await persist().catch(() => undefined);
      if (wake !== undefined) clock.clearTimeout(wake);
      notify();
      kick();
      return ok(null);
    },

    async discard(entryId) {
      const r = await change(entryId, ['failed', 'pending'], (e) => ({ ...e, state: 'discarded', settledAt: clock.now() }));
      return r.ok ? ok(null) : r;
    },

    async edit(entryId, fields) {
      await load();
      const entry = entries.find((e) => e.id === entryId);
      if (!entry) return missing(entryId);
      const merged: Record<string, unknown> = { ...entry.op.fields };
      for (const [code, value] of Object.entries(fields)) {
        if (value === null) delete merged[code];
        else merged[code] = value;
      }
      const op = WriteOp.safeParse({ ...entry.op, fields: merged });
      if (!op.success) return fail('outbox-bad-write', `The corrected fields are not valid: ${op.error.issues[0]?.message ?? 'invalid'}.`);
      return change(entryId, ['failed'], (e) => requeue({ ...e, op: op.data }));
    },

    async stop() {
      stopped = true;
      if (wake !== undefined) clock.clearTimeout(wake);
      wake = undefined;
      await pumping;
      await saving;
    },
  };
}
