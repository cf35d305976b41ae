import { err, ok, type Result } from '../../../shared/result';
import { ApplyStimulusArgsSchema, checkArgs, CreateArgsSchema, CredentialsSchema, DeleteArgsSchema, GetArgsSchema, UpdateArgsSchema } from './args';
import { parseAuthorized, parseEnvelope, parseFoundTotal, parseObjects, parseOperations, type ItopObject } from './envelope';
import type { ItopError } from './itop-error';
import { encodeBody, prepareAuth, resolveEndpoint, type PreparedAuth } from './request';
import { postForm } from './transport';
import type { GetArgs, GetResult, ItopClient, ItopClientDeps, ItopResult } from './types';

export const DEFAULT_COMMENT = 'iTop CTI Companion';
const DEFAULT_TIMEOUT_MS = 10_000;
const WHO_AM_I_OQL = 'SELECT Person WHERE id = :current_contact_id';
const WHO_AM_I_FIELDS = ['id', 'friendlyname', 'first_name', 'name', 'org_id', 'org_name', 'email', 'phone', 'mobile_phone'];

interface Ready {
  endpoint: string;
  auth: PreparedAuth;
}

/**
 * The one client for iTop's REST/JSON endpoint. Each call sends its own credentials (iTop ignores sessions),
 * never throws for an expected failure, and reports every request to `onRequest`.
 */
export function createItopClient(deps: ItopClientDeps): ItopClient {
  const fetchImpl = deps.fetch ?? globalThis.fetch;
  const now = deps.now ?? (() => performance.now());
  const version = deps.version ?? '1.3';
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const defaultComment = deps.defaultComment ?? DEFAULT_COMMENT;
  const ready = prepare(deps);

  const invalid = (message: string): Result<never, ItopError> => err({ kind: 'invalid-request', message });

  /** Sends one operation; resolves to the reply's JSON once iTop said code 0. */
  async function call(operation: string, payload: Record<string, unknown>, signal?: AbortSignal): ItopResult<unknown> {
    const started = now();
    const r = await send(operation, payload, signal);
    report(operation, started, r.result, r.httpStatus);
    return r.result;
  }

  async function send(operation: string, payload: Record<string, unknown>, signal?: AbortSignal) {
    if (!ready.ok) return { result: invalid(ready.error) };
    let body: string;
    try {
      body = encodeBody(version, ready.value.auth, { operation, ...payload });
    } catch (e) {
      // JSON.stringify throws on BigInt values and cycles in `fields`.
      return { result: invalid(`${operation}: the data cannot be sent as JSON (${e instanceof Error ? e.message : String(e)})`) };
    }
    const reply = await postForm({ fetch: fetchImpl, url: ready.value.endpoint, headers: ready.value.auth.headers, body, timeoutMs, signal });
    if (!reply.ok) return { result: reply, httpStatus: reply.error.kind === 'http' ? reply.error.status : undefined };
    const head = parseEnvelope(reply.value.json);
    const result: Result<unknown, ItopError> = !head.ok
      ? err({ kind: 'bad-response', message: `${operation}: ${head.error}` })
      : head.value.code !== 0
        ? err({ kind: 'itop', code: head.value.code, message: head.value.message, operation })
        : ok(reply.value.json);
    return { result, httpStatus: reply.value.status };
  }

  function report(operation: string, started: number, result: Result<unknown, ItopError>, httpStatus?: number): void {
    if (!deps.onRequest) return;
    try {
      deps.onRequest({
        operation,
        durationMs: Math.max(0, now() - started),
        outcome: result.ok ? 'ok' : result.error.kind,
        ...(!result.ok && result.error.kind === 'itop' ? { itopCode: result.error.code } : {}),
        ...(httpStatus !== undefined ? { httpStatus } : {}),
      });
    } catch {
      // Metrics must never break a call.
    }
  }

  /** Runs an operation and turns its reply into T; a reply of the wrong shape is `bad-response`. */
  async function run<T>(operation: string, payload: Record<string, unknown>, signal: AbortSignal | undefined, read: (json: unknown) => Result<T, string>): ItopResult<T> {
    const r = await call(operation, payload, signal);
    if (!r.ok) return r;
    const parsed = read(r.value);
    return parsed.ok ? parsed : err({ kind: 'bad-response', message: `${operation}: ${parsed.error}` });
  }

  const oneObject = (json: unknown): Result<ItopObject, string> => {
    const objects = parseObjects(json);
    if (!objects.ok) return objects;
    const first = objects.value[0];
    return first ? ok(first) : err('iTop reported success but returned no object');
  };

  async function get(args: GetArgs): ItopResult<GetResult> {
    const a = checkArgs('core/get', GetArgsSchema, args);
    if (!a.ok) return invalid(a.error);
    const { outputFields, limit, page, ...rest } = a.value;
    const payload = { ...rest, output_fields: outputFields, ...(limit !== undefined ? { limit } : {}), ...(page !== undefined ? { page } : {}) };
    return run('core/get', payload, args.signal, (json) => {
      const objects = parseObjects(json);
      if (!objects.ok) return objects;
      const head = parseEnvelope(json);
      const total = head.ok ? parseFoundTotal(head.value.message) : null;
      return ok({ total: total ?? objects.value.length, objects: objects.value });
    });
  }

  return {
    endpoint: ready.ok ? ready.value.endpoint : null,

    listOperations: (opts) => run('list_operations', {}, opts?.signal, parseOperations),

    async checkCredentials(user, password, opts) {
      const a = checkArgs('core/check_credentials', CredentialsSchema, { user, password });
      if (!a.ok) return invalid(a.error);
      return run('core/check_credentials', a.value, opts?.signal, parseAuthorized);
    },

    get,

    async create(args) {
      const a = checkArgs('core/create', CreateArgsSchema, { comment: defaultComment, ...args });
      if (!a.ok) return invalid(a.error);
      const { outputFields, ...rest } = a.value;
      return run('core/create', { ...rest, output_fields: outputFields }, args.signal, oneObject);
    },

    async update(args) {
      const a = checkArgs('core/update', UpdateArgsSchema, { comment: defaultComment, ...args });
      if (!a.ok) return invalid(a.error);
      const { outputFields, ...rest } = a.value;
      return run('core/update', { ...rest, output_fields: outputFields }, args.signal, oneObject);
    },

    async applyStimulus(args) {
      const a = checkArgs('core/apply_stimulus', ApplyStimulusArgsSchema, { comment: defaultComment, ...args });
      if (!a.ok) return invalid(a.error);
      const { outputFields, ...rest } = a.value;
      return run('core/apply_stimulus', { ...rest, output_fields: outputFields }, args.signal, oneObject);
    },

    async delete(args) {
      const a = checkArgs('core/delete', DeleteArgsSchema, { comment: defaultComment, ...args });
      if (!a.ok) return invalid(a.error);
      return run('core/delete', a.value, args.signal, (json) => {
        const objects = parseObjects(json);
        const head = parseEnvelope(json);
        return objects.ok && head.ok ? ok({ message: head.value.message, objects: objects.value }) : err(objects.ok ? 'bad envelope' : objects.error);
      });
    },

    async whoAmI(opts) {
      const r = await get({ class: 'Person', key: WHO_AM_I_OQL, outputFields: opts?.outputFields ?? WHO_AM_I_FIELDS, signal: opts?.signal });
      return r.ok ? ok(r.value.objects[0] ?? null) : r;
    },
  };
}

function prepare(deps: ItopClientDeps): Result<Ready, string> {
  const endpoint = resolveEndpoint(deps.url);
  if (!endpoint.ok) return endpoint;
  const auth = prepareAuth(deps.auth);
  if (!auth.ok) return auth;
  if (deps.version !== undefined && !/^\d+\.\d+$/.test(deps.version)) return err(`REST API version '${deps.version}' is not of the form 1.3`);
  if (deps.timeoutMs !== undefined && !(Number.isFinite(deps.timeoutMs) && deps.timeoutMs > 0)) return err(`timeoutMs must be a positive number, got ${deps.timeoutMs}`);
  return ok({ endpoint: endpoint.value, auth: auth.value });
}
