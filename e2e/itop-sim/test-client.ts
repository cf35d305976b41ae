/** A minimal REST client for the simulator's own tests: form auth as `cti` unless told otherwise. */
import { SIM_USERS } from './credentials';

export interface Answer {
  readonly status: number;
  readonly contentType: string | null;
  readonly text: string;
  /** Parsed body, or undefined when it is not JSON. */
  readonly json: { code?: number; message?: string | null; objects?: Record<string, { fields: Record<string, unknown>; message: string; code: number }> | null; [k: string]: unknown } | undefined;
}

export type Auth = { user: string; password: string } | { headers: Record<string, string> } | 'none';

export const CTI: Auth = { user: SIM_USERS.cti.login, password: SIM_USERS.cti.password };
export const ADMIN: Auth = { user: SIM_USERS.ctiadmin.login, password: SIM_USERS.ctiadmin.password };

export async function rest(url: string, jsonData: unknown, auth: Auth = CTI, extra: Record<string, string> = {}): Promise<Answer> {
  const form = new URLSearchParams(extra);
  if (typeof auth === 'object' && 'user' in auth) {
    form.set('auth_user', auth.user);
    form.set('auth_pwd', auth.password);
  }
  form.set('json_data', typeof jsonData === 'string' ? jsonData : JSON.stringify(jsonData));
  const headers = typeof auth === 'object' && 'headers' in auth ? auth.headers : {};
  const res = await fetch(`${url}?version=1.3`, { method: 'POST', body: form, headers });
  return answer(res);
}

export async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  let json: Answer['json'];
  try {
    json = JSON.parse(text) as Answer['json'];
  } catch {
    json = undefined;
  }
  return { status: res.status, contentType: res.headers.get('content-type'), text, json };
}
