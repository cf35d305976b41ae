import { err, ok, type Result } from '../../../shared/result';
import { describeItopError, isLoginFailure, isNotAuthorizedForRest, type ItopClient, type ItopError } from '../itop';

/**
 * The one read operation lookup and lists need from iTop (`core/get`), narrowed to what they decide on.
 * The REST client is adapted to it in app/itop-reader-adapter.ts; keeping the port this small lets the
 * index, the lookup and the lists share the "which output field did iTop refuse" logic.
 */
export interface GetRequest {
  readonly class: string;
  /** OQL (already bound) or a numeric id. */
  readonly key: string;
  readonly outputFields: readonly string[];
  readonly limit?: number;
  readonly page?: number;
}

export interface ItopObject {
  readonly class: string;
  readonly id: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface GetReply {
  readonly objects: readonly ItopObject[];
  /** iTop's "Found: N": the total number of matches, not the page size. */
  readonly total: number;
}

/** Why a read failed, in the terms lookup and lists react to. */
export type ReadFailure =
  | { readonly kind: 'invalid-field'; readonly field: string; readonly message: string }
  | { readonly kind: 'unknown-class'; readonly className: string; readonly message: string }
  | { readonly kind: 'bad-query'; readonly message: string }
  | { readonly kind: 'login-refused'; readonly message: string }
  | { readonly kind: 'unreachable'; readonly message: string }
  | { readonly kind: 'other'; readonly message: string };

export interface ItopReader {
  get(request: GetRequest): Promise<Result<GetReply, ReadFailure>>;
}

const INVALID_FIELD = /output_fields: invalid attribute code '([^']*)'/;
const INVALID_CLASS = /class: '([^']*)' is not a valid class/;
const UNKNOWN_CLASS_OQL = /UnknownClassOqlException, exception_message = Unknown class - found '([^']*)'/;

/** Classifies an iTop code-100 style message (the wording is iTop's own, see itop-rest.md §3.3). */
export function classifyItopMessage(message: string): ReadFailure {
  const field = INVALID_FIELD.exec(message);
  if (field) return { kind: 'invalid-field', field: field[1] ?? '', message };
  const cls = INVALID_CLASS.exec(message) ?? UNKNOWN_CLASS_OQL.exec(message);
  if (cls) return { kind: 'unknown-class', className: cls[1] ?? '', message };
  if (message.includes('Query failed to execute')) return { kind: 'bad-query', message };
  return { kind: 'other', message };
}

/**
 * Runs a get, dropping output fields iTop refuses one by one (each refusal names one field) and
 * remembering them in `refused` so the next call costs a single request again.
 */
export async function getWithFieldFallback(
  reader: ItopReader,
  request: GetRequest,
  refused: Set<string>,
  required: ReadonlySet<string> = new Set(['id']),
): Promise<Result<GetReply, ReadFailure>> {
  let fields = request.outputFields.filter((f) => !refused.has(f));
  for (;;) {
    const reply = await reader.get({ ...request, outputFields: fields });
    if (reply.ok || reply.error.kind !== 'invalid-field') return reply;
    const bad = reply.error.field;
    if (required.has(bad) || !fields.includes(bad)) return reply;
    refused.add(bad);
    fields = fields.filter((f) => f !== bad);
    // iTop treats an empty entry as invalid too: `id` is always accepted.
    if (fields.length === 0) fields = ['id'];
  }
}

/** Adapts the REST client to the reader port, classifying its errors once, here. */
export function readerFromClient(client: Pick<ItopClient, 'get'>): ItopReader {
  return {
    async get(request) {
      const reply = await client.get({
        class: request.class,
        key: request.key,
        outputFields: request.outputFields,
        ...(request.limit !== undefined ? { limit: request.limit } : {}),
        ...(request.page !== undefined ? { page: request.page } : {}),
      });
      if (reply.ok) return ok({ total: reply.value.total, objects: reply.value.objects.map((o) => ({ class: o.class, id: o.key, fields: o.fields })) });
      return err(failureOf(reply.error));
    },
  };
}

export function failureOf(error: ItopError): ReadFailure {
  const message = describeItopError(error);
  if (isLoginFailure(error) || isNotAuthorizedForRest(error)) return { kind: 'login-refused', message };
  if (error.kind === 'itop') {
    const classified = classifyItopMessage(error.message);
    return { ...classified, message };
  }
  if (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'http' || error.kind === 'not-json') return { kind: 'unreachable', message };
  return { kind: 'other', message };
}
