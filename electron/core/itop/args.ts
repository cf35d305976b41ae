import { z } from 'zod';
import { err, ok, type Result } from '../../../shared/result';
import type { ItopOutputFields } from './types';

/**
 * Checks call arguments before anything is sent: some mistakes iTop answers with a PHP fatal page (an empty
 * key), others with a confusing message. Each schema maps to the json_data iTop expects.
 */

const className = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be an iTop class name such as Person or UserRequest');
const key = z.union([
  z.number().int().nonnegative('an id cannot be negative').max(Number.MAX_SAFE_INTEGER),
  // iTop's FromOQL returns null on "" and the REST page dies with a PHP TypeError (itop-rest.md §1.4).
  z.string().trim().min(1, 'an empty key is not an id, an OQL query or criteria'),
  z.record(z.string(), z.unknown()).refine((o) => Object.keys(o).length > 0, 'empty criteria would match nothing useful'),
]);
const outputFields = z
  .union([
    z.literal('*'),
    z.literal('*+'),
    z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'each output field must be an attribute code')).min(1, 'the list of output fields is empty'),
  ])
  .transform((f: ItopOutputFields) => (typeof f === 'string' ? f : f.join(',')));
const fields = z.record(z.string().min(1), z.unknown());
const comment = z.string().trim().min(1, 'a comment is required on writes');

export const GetArgsSchema = z.object({
  class: className,
  key,
  outputFields: outputFields.default('*'),
  limit: z.number().int().nonnegative().optional(),
  page: z.number().int().min(1, 'pages start at 1').optional(),
});

const writeBase = { class: className, comment, outputFields: outputFields.default('id') };
export const CreateArgsSchema = z.object({ ...writeBase, fields });
export const UpdateArgsSchema = z.object({ ...writeBase, key, fields });
export const ApplyStimulusArgsSchema = z.object({ ...writeBase, key, stimulus: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a stimulus code such as ev_resolve'), fields: fields.default({}) });
export const DeleteArgsSchema = z.object({ class: className, key, comment, simulate: z.boolean().default(false) });
export const CredentialsSchema = z.object({ user: z.string(), password: z.string() });

/** Parses call arguments; the error names the operation and the argument. */
export function checkArgs<S extends z.ZodType>(operation: string, schema: S, input: unknown): Result<z.output<S>, string> {
  const r = schema.safeParse(input);
  if (r.success) return ok(r.data);
  const issue = r.error.issues[0];
  return err(`${operation}: ${issue?.path.join('.') || 'arguments'}: ${issue?.message ?? 'invalid'}`);
}
