import type { ItopClient } from '../itop';
import type { Log } from '../intake/log';
import type { Result } from '../../../shared/result';
import type { OutboxClock } from './clock';
import type { OutboxEntry, WriteOpInput } from './entry';
import type { Backoff } from './error-class';
import type { OutboxStatus } from './status';

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
