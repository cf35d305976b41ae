import { randomUUID } from 'node:crypto';
import { systemClock, type OutboxClock } from './clock';
import { fail, ok, type Result } from '../../../shared/result';
import type { ItopClient } from '../itop';
import type { Log } from '../intake/log';
import { attemptEntry } from './attempt';
import { OutboxEntry as EntrySchema, WriteOp, type OutboxEntry, type WriteOpInput } from './entry';
import { exponentialBackoff, type Backoff } from './error-class';
import { loadOutboxFile, saveOutboxFile } from './outbox-file';
import { isOpen, nextToSend, orphans, prune } from './queue-rules';
import { summarize, type OutboxStatus } from './status';

export interface OutboxDeps {
  /** JSON file in the app's data directory. */
  file: string;
  client: ItopClient;
  clock?: OutboxClock;
  log?: Log;
  backoff?: Backoff;
  /**
   * How long a request that timed out (or was cut by a crash) may still be processed by iTop: the marker is
   * looked for only after this, or the check could miss an object still being created. Default 30 s.
   */
  uncertainGraceMs?: number;
  /** Settled entries kept for the status list (failed ones are always kept). Default 50. */
  keepSettled?: number;
  newId?: () => string;
}

export interface EnqueueRequest {
  op: WriteOpInput;
  /** Shown to the agent: "PhoneCall for R-000123". */
  label: string;
  /** Idempotency key: a second enqueue with the same key returns the first entry (double click, restart). */
  key?: string;
}

export interface Outbox {
  /** Loads the file (once) and starts sending. */
  start(): Promise<void>;
  /** Persists the write, then returns it; nothing is sent before it is on disk. */
  enqueue(request: EnqueueRequest): Promise<Result<OutboxEntry>>;
  get(entryId: string): OutboxEntry | undefined;
  /** Resolves when the entry is done, failed or discarded, or after `timeoutMs` with its current state. */
  settled(entryId: string, timeoutMs?: number): Promise<OutboxEntry | undefined>;
  status(): OutboxStatus;
  subscribe(listener: (status: OutboxStatus) => void): () => void;
  /** Sends now instead of waiting for the backoff; with an id, also re-queues that failed entry. */
  retryNow(entryId?: string): Promise<Result<null>>;
  /** Gives up on an entry iTop refused (the agent's explicit choice). */
  discard(entryId: string): Promise<Result<null>>;
  /** Corrects the fields of a refused entry (`null` removes a field) and queues it again. */
  edit(entryId: string, fields: Record<string, unknown>): Promise<Result<OutboxEntry>>;
  /** Stops sending after the attempt in flight. */
  stop(): Promise<void>;
}

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
  let started = false;
  let stopped = false;
  let pumping: Promise<void> | undefined;
  let wake: unknown;
  let lastError: string | undefined;
  let saving: Promise<void> = Promise.resolve();
  const listeners = new Set<(status: OutboxStatus) => void>();
  const waiters = new Map<string, Set<() => void>>();

  const load = (): Promise<void> =>
    (loading ??= loadOutboxFile(deps.file, clock.now).then((loaded) => {
      if (loaded.problem) deps.log?.warn(loaded.problem);
      // A `sending` entry means the process died mid-request: iTop may have it already.
      entries = loaded.entries.map((e) => {
        if (e.state !== 'sending') return e;
        const pending: OutboxEntry = { ...e, state: 'pending', uncertain: true };
        return { ...pending, nextAttemptAt: notBeforeGrace(pending, e.nextAttemptAt) };
      });
    }));

  /** Writes the current list; saves are serialized so the last state always lands last. */
  function persist(): Promise<void> {
    const snapshot = entries;
    const next = saving.then(() => saveOutboxFile(deps.file, snapshot));
    saving = next.catch(() => undefined);
    return next;
  }

  function replace(entry: OutboxEntry): void {
    entries = entries.map((e) => (e.id === entry.id ? entry : e));
  }

  function notify(): void {
    const s = summarize(entries, lastError);
    for (const listener of listeners) {
      try {
        listener(s);
      } catch (e) {
        deps.log?.warn('outbox status listener failed', { error: String(e) });
      }
    }
    for (const [id, callbacks] of waiters) {
      const entry = entries.find((e) => e.id === id);
      if (entry && isOpen(entry)) continue;
      waiters.delete(id);
      for (const cb of callbacks) cb();
    }
  }

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
    let updated: OutboxEntry;
    if (outcome.kind === 'use-fallback' && current.op.fallback) {
      deps.log?.info('outbox: iTop does not know the class, using the fallback', { entry: current.id, class: current.op.class, error: outcome.message });
      updated = { ...current, state: 'pending', op: current.op.fallback, nextAttemptAt: clock.now() };
    } else if (outcome.kind === 'use-fallback') {
      updated = { ...current, state: 'failed', lastError: outcome.message, settledAt: clock.now() };
    } else if (outcome.kind === 'done') {
      updated = { ...current, state: 'done', uncertain: false, result: outcome.result, settledAt: clock.now() };
      delete updated.lastError;
      delete updated.issues;
      lastError = undefined;
    } else if (outcome.verdict.kind === 'retry') {
      const uncertain = current.uncertain || outcome.verdict.uncertain;
      const retry: OutboxEntry = { ...current, state: 'pending', uncertain, lastError: outcome.verdict.message };
      updated = { ...retry, nextAttemptAt: notBeforeGrace(retry, clock.now() + backoff.delayMs(current.attempts)) };
      lastError = outcome.verdict.message;
      deps.log?.info('outbox: iTop unavailable, will retry', { entry: current.id, attempt: current.attempts, error: outcome.verdict.message });
    } else {
      updated = { ...current, state: 'failed', lastError: outcome.verdict.message, settledAt: clock.now(), ...(outcome.verdict.issues ? { issues: outcome.verdict.issues } : {}) };
      deps.log?.warn('outbox: iTop refused a write', { entry: current.id, label: current.label, error: outcome.verdict.message });
    }
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
      await load();
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
      entries = [...entries, entry];
      try {
        await persist();
      } catch (e) {
        entries = entries.filter((x) => x.id !== id);
        return fail('outbox-not-saved', `The write "${request.label}" was not queued: the outbox file cannot be written (${(e as Error).message}).`);
      }
      notify();
      kick();
      return ok(entry);
    },

    get: (entryId) => entries.find((e) => e.id === entryId),

    settled(entryId, timeoutMs) {
      return new Promise((resolve) => {
        const current = () => entries.find((e) => e.id === entryId);
        const now = current();
        if (!now || !isOpen(now)) return resolve(now);
        let timer: unknown;
        const done = () => {
          if (timer !== undefined) clock.clearTimeout(timer);
          waiters.get(entryId)?.delete(done);
          resolve(current());
        };
        if (timeoutMs !== undefined) timer = clock.setTimeout(done, timeoutMs);
        waiters.set(entryId, (waiters.get(entryId) ?? new Set()).add(done));
      });
    },

    status: () => summarize(entries, lastError),

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

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
