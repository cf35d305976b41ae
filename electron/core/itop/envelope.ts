import { z } from 'zod';
import { err, ok, type Result } from '../../../shared/result';

/**
 * zod schemas for iTop's reply envelope (itop-rest.md §2.1). Written to accept what iTop 3.x really sends:
 * string ids, `objects: null` when nothing matched, and `[]` where PHP's double json_encode turned an empty
 * object into an empty array.
 */

/** One object of a reply, in the order iTop listed it. */
export interface ItopObject {
  /** The object's final class (`UserRequest` for a query on `Ticket`). */
  class: string;
  /** iTop's id, always as a string. */
  key: string;
  /** 0 for get/create/update; a RestDelete code for delete. */
  code: number;
  /** `""`, `"created"`, `"updated"` or delete-plan text. */
  message: string;
  fields: Record<string, unknown>;
}

const emptyArrayAsObject = (v: unknown): unknown => (Array.isArray(v) && v.length === 0 ? {} : v);
const idText = z.union([z.string(), z.number().int()]).transform(String);

export const Envelope = z.looseObject({
  code: z.number().int(),
  message: z.string().nullish().transform((m) => m ?? ''),
});

const ObjectResult = z.looseObject({
  code: z.number().int().default(0),
  message: z.string().nullish().transform((m) => m ?? ''),
  class: z.string().min(1).optional(),
  key: idText.optional(),
  fields: z.preprocess(emptyArrayAsObject, z.record(z.string(), z.unknown())).default({}),
});

const Objects = z.preprocess(emptyArrayAsObject, z.record(z.string(), ObjectResult).nullish());

const Operations = z.looseObject({
  version: z.string(),
  operations: z.array(z.looseObject({ verb: z.string(), description: z.string(), extension: z.string() })),
});

const Authorized = z.looseObject({ authorized: z.boolean() });

export type ItopOperationInfo = { verb: string; description: string; extension: string };

function problem(what: string, error: z.ZodError): string {
  const first = error.issues[0];
  const path = first?.path.length ? first.path.join('.') : '(top level)';
  return `${what}: ${path}: ${first?.message ?? 'invalid'}`;
}

/** The `code`/`message` head every iTop reply has. */
export function parseEnvelope(body: unknown): Result<{ code: number; message: string }, string> {
  const r = Envelope.safeParse(body);
  return r.success ? ok({ code: r.data.code, message: r.data.message }) : err(problem('reply envelope', r.error));
}

/** `objects` as a list in iTop's order; null (nothing found) and `[]` become an empty list. */
export function parseObjects(body: unknown): Result<ItopObject[], string> {
  const r = Objects.safeParse((body as { objects?: unknown } | null)?.objects);
  if (!r.success) return err(problem('objects', r.error));
  const list: ItopObject[] = [];
  for (const [mapKey, o] of Object.entries(r.data ?? {})) {
    // API 1.0 replies had no class/key per object; the map key "Class::id" carries both.
    const sep = mapKey.lastIndexOf('::');
    const cls = o.class ?? (sep > 0 ? mapKey.slice(0, sep) : undefined);
    const key = o.key ?? (sep > 0 ? mapKey.slice(sep + 2) : undefined);
    if (!cls || !key) return err(`objects: entry '${mapKey}' has no class or key`);
    list.push({ class: cls, key, code: o.code, message: o.message, fields: o.fields });
  }
  return ok(list);
}

/** `"Found: 70"` → 70: the total number of matches, not the size of the page (itop-rest.md §3.3). */
export function parseFoundTotal(message: string): number | null {
  const m = /^Found: (\d+)$/.exec(message.trim());
  return m ? Number(m[1]) : null;
}

export function parseOperations(body: unknown): Result<{ version: string; operations: ItopOperationInfo[] }, string> {
  const r = Operations.safeParse(body);
  return r.success ? ok({ version: r.data.version, operations: r.data.operations }) : err(problem('list_operations reply', r.error));
}

export function parseAuthorized(body: unknown): Result<boolean, string> {
  const r = Authorized.safeParse(body);
  return r.success ? ok(r.data.authorized) : err(problem('check_credentials reply', r.error));
}
