import type { Result } from '../../../shared/result';
import type { ItopObject, ItopOperationInfo } from './envelope';
import type { ItopError, ItopErrorKind } from './itop-error';
import type { ItopAuth } from './request';

/** Which objects: an id, an OQL query (build it with bindOql), or criteria ANDed as equalities. */
export type ItopKey = number | string | Record<string, unknown>;

/** An explicit list (cheap: iTop loads only those columns), `*` (all of `class`) or `*+` (all of the final class). */
export type ItopOutputFields = readonly string[] | '*' | '*+';

interface Cancellable {
  signal?: AbortSignal;
}

export interface GetArgs extends Cancellable {
  class: string;
  key: ItopKey;
  /** Default `*`, as iTop; prefer a short list. */
  outputFields?: ItopOutputFields;
  /** Page size; 0 or absent means no limit. */
  limit?: number;
  /** 1-based page number. */
  page?: number;
}

export interface GetResult {
  /** Total number of matches ("Found: N"), not the size of this page. */
  total: number;
  /** In iTop's order (class default order). */
  objects: ItopObject[];
}

interface WriteArgs extends Cancellable {
  class: string;
  /** History entry text in iTop; defaults to the client's `defaultComment`. */
  comment?: string;
  /** Default `id`: `*` on a ticket is large. */
  outputFields?: ItopOutputFields;
}

export interface CreateArgs extends WriteArgs {
  fields: Record<string, unknown>;
}

export interface UpdateArgs extends WriteArgs {
  key: ItopKey;
  fields: Record<string, unknown>;
}

export interface ApplyStimulusArgs extends WriteArgs {
  key: ItopKey;
  stimulus: string;
  /** Set before the stimulus is applied; default `{}`. */
  fields?: Record<string, unknown>;
}

export interface DeleteArgs extends Cancellable {
  class: string;
  key: ItopKey;
  comment?: string;
  /** Report the deletion plan without deleting. */
  simulate?: boolean;
}

export interface DeleteResult {
  /** "Deleted: N…", prefixed with "SIMULATING: " in simulate mode. */
  message: string;
  /** Every object the plan touches, each with a RestDelete `code` (0 = deleted as requested). */
  objects: ItopObject[];
}

/** One line per request, for metrics and logs (never contains credentials or payloads). */
export interface ItopRequestInfo {
  operation: string;
  durationMs: number;
  outcome: 'ok' | ItopErrorKind;
  itopCode?: number;
  httpStatus?: number;
}

export interface ItopClientDeps {
  /** iTop root (`https://itop.example/`) or the full `…/webservices/rest.php` address. */
  url: string;
  auth: ItopAuth;
  /** REST API version; default `1.3`. */
  version?: string;
  /** Per request, including reading the body; default 10 000. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Monotonic milliseconds, for `durationMs`; default `performance.now`. */
  now?: () => number;
  onRequest?: (info: ItopRequestInfo) => void;
  /** Sent as `comment` on writes when the call gives none; default "iTop CTI Companion". */
  defaultComment?: string;
}

export type ItopResult<T> = Promise<Result<T, ItopError>>;

export interface ItopClient {
  /** The REST endpoint actually called, or null when the configuration was refused. */
  readonly endpoint: string | null;
  listOperations(opts?: Cancellable): ItopResult<{ version: string; operations: ItopOperationInfo[] }>;
  /** Whether iTop accepts this login/password pair (the client's own credentials authenticate the call). */
  checkCredentials(user: string, password: string, opts?: Cancellable): ItopResult<boolean>;
  get(args: GetArgs): ItopResult<GetResult>;
  create(args: CreateArgs): ItopResult<ItopObject>;
  update(args: UpdateArgs): ItopResult<ItopObject>;
  applyStimulus(args: ApplyStimulusArgs): ItopResult<ItopObject>;
  delete(args: DeleteArgs): ItopResult<DeleteResult>;
  /** The Person linked to the logged-in user, or null when the user (or application token) has none. */
  whoAmI(opts?: Cancellable & { outputFields?: ItopOutputFields }): ItopResult<ItopObject | null>;
}
