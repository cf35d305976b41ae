/**
 * Replays a recording against a running simulator: the same method, path, auth mode, headers and
 * body, with the simulator's demo credentials in place of the masked ones ("<password>", "<token>",
 * "<base64 user:password>"), then normalises both answers for comparison.
 */
import { SIM_TOKENS, SIM_USERS } from './credentials';
import type { Recording } from './recordings';

export interface Reply {
  readonly status: number;
  readonly contentType: string | null;
  readonly allowOrigin: string | null;
  readonly body: string;
}

const PASSWORDS: Record<string, string> = Object.fromEntries(Object.values(SIM_USERS).map((u) => [u.login, u.password]));

/** Which masked token each token recording used (00-INDEX.txt). */
const TOKENS: Record<string, string> = {
  '13': SIM_TOKENS.ctiPersonal,
  '13b': SIM_TOKENS.ctiPersonal,
  '13c': SIM_TOKENS.ctiApp,
  '13d': 'bm90LWEtdmFsaWQtdG9rZW4+bm90/YS12YWxpZA==',
};

export async function replay(rec: Recording, baseUrl: string): Promise<Reply> {
  const headers: Record<string, string> = {};
  const contentType = rec.requestHeaders['content-type'];
  if (contentType) headers['Content-Type'] = contentType;
  if (rec.requestHeaders.authorization) {
    // 09b is the wrong-password case; every other Basic recording logged in as cti.
    const pair = rec.id === '09b' ? `${SIM_USERS.cti.login}:WrongPassword` : `${SIM_USERS.cti.login}:${SIM_USERS.cti.password}`;
    headers.Authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
  }
  if (rec.requestHeaders['auth-token']) headers['Auth-Token'] = token(rec);
  const body = rec.fields ? formBody(rec) : rec.rawBody;
  const res = await fetch(`${baseUrl}${rec.path}`, { method: rec.method, headers, body });
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    allowOrigin: res.headers.get('access-control-allow-origin'),
    body: await res.text(),
  };
}

function token(rec: Recording): string {
  const t = TOKENS[rec.id];
  if (!t) throw new Error(`${rec.name}: no token mapping for this recording`);
  return t;
}

function formBody(rec: Recording): string {
  const fields = rec.fields ?? [];
  const login = fields.find(([k]) => k === 'auth_user')?.[1] ?? SIM_USERS.cti.login;
  const params = new URLSearchParams();
  for (const [k, v] of fields) {
    if (k === 'auth_pwd') params.append(k, v === '<password>' ? (PASSWORDS[login] ?? v) : v);
    else if (k === 'auth_token') params.append(k, v === '<token>' ? token(rec) : v);
    else params.append(k, v.replaceAll('<password>', SIM_USERS.cti.password));
  }
  return params.toString();
}

const DATETIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;

/**
 * A parsed body with the given fields' dates replaced by a marker (they hold "now"), serialised
 * with key order kept, so two bodies compare equal only with the same keys in the same order.
 */
export function normalised(body: string, volatileFields: readonly string[]): string {
  const data = JSON.parse(body) as { objects?: Record<string, { fields?: Record<string, unknown> }> | null };
  for (const obj of Object.values(data.objects ?? {})) {
    for (const f of volatileFields) if (obj.fields && f in obj.fields) obj.fields[f] = markDates(obj.fields[f]);
  }
  return JSON.stringify(data, null, 1);
}

function markDates(v: unknown): unknown {
  if (typeof v === 'string') return DATETIME.test(v) ? '<datetime>' : v;
  if (Array.isArray(v)) return v.map(markDates);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, markDates(x)]));
  return v;
}
