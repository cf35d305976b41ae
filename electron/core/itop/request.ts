import { z } from 'zod';
import { err, ok, type Result } from '../../../shared/result';

/** How the client proves who it is (itop-rest.md §1.3). */
export type ItopAuth =
  | { kind: 'password'; user: string; password: string; via?: 'form' | 'basic' }
  | { kind: 'token'; token: string };

const ItopAuthSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('password'),
    user: z.string().min(1, 'the iTop login is empty'),
    password: z.string(),
    via: z.enum(['form', 'basic']).default('form'),
  }),
  z.object({
    kind: z.literal('token'),
    // authent-token tokens are base64 (`+`, `/`, `=`); anything with spaces or controls was pasted wrong.
    token: z.string().regex(/^[\x21-\x7e]+$/, 'the token is empty or contains spaces or control characters'),
  }),
]);

/** What a request carries for authentication: headers, and fields that go into the form body. */
export interface PreparedAuth {
  headers: Record<string, string>;
  fields: Array<[string, string]>;
}

/** Checks the credentials once and turns them into what every request carries (credentials go on every call). */
export function prepareAuth(auth: unknown): Result<PreparedAuth, string> {
  const parsed = ItopAuthSchema.safeParse(auth);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err(`iTop credentials: ${issue?.path.join('.') || 'auth'}: ${issue?.message ?? 'invalid'}`);
  }
  const a = parsed.data;
  if (a.kind === 'token') {
    // Never together with an Authorization header: iTop's basic plugin would claim the request first.
    return ok({ headers: { 'Auth-Token': a.token }, fields: [] });
  }
  if (a.via === 'basic') {
    // iTop splits the decoded "user:password" on every ':' and keeps two parts (loginbasic.class.inc.php:119).
    if (a.password.includes(':') || a.user.includes(':')) {
      return err("iTop credentials: HTTP Basic cannot carry a login or password containing ':' (iTop cannot split it); use form login instead.");
    }
    const basic = Buffer.from(`${a.user}:${a.password}`, 'utf8').toString('base64');
    return ok({ headers: { Authorization: `Basic ${basic}` }, fields: [] });
  }
  return ok({ headers: {}, fields: [['auth_user', a.user], ['auth_pwd', a.password]] });
}

/** Accepts iTop's root URL or the full `…/webservices/rest.php` address; returns the REST endpoint. */
export function resolveEndpoint(url: string): Result<string, string> {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return err(`iTop URL '${url}' is not a valid address`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return err(`iTop URL '${url}' must start with http:// or https://`);
  if (u.username || u.password) return err(`iTop URL '${u.host}' must not contain a user or password; configure the credentials separately`);
  if (!/\/rest\.php$/.test(u.pathname)) u.pathname = `${u.pathname.replace(/\/+$/, '')}/webservices/rest.php`;
  u.hash = '';
  return ok(u.toString());
}

/**
 * The urlencoded body iTop reads from `$_REQUEST`. URLSearchParams percent-encodes every byte that matters,
 * so a `+` in a phone number travels as `%2B` and never turns into a space (itop-rest.md §5.2, §8).
 */
export function encodeBody(version: string, auth: PreparedAuth, jsonData: Record<string, unknown>): string {
  const params = new URLSearchParams();
  params.set('version', version);
  for (const [name, value] of auth.fields) params.set(name, value);
  params.set('json_data', JSON.stringify(jsonData));
  return params.toString();
}
