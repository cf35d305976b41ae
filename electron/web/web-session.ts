import { randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'cti_session';

/** Secrets of one web-host run: the start-up token and the sessions it was exchanged for. */
export interface WebSessions {
  readonly token: string;
  /** Constant-time check of a presented start-up token. */
  tokenMatches(candidate: string | null): boolean;
  /** A new session id (put in the HttpOnly cookie). */
  open(): string;
  /** Whether a Cookie header carries a live session. */
  isValidCookieHeader(header: string | undefined): boolean;
}

const randomId = () => randomBytes(32).toString('base64url');

const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Parses `a=1; b=2` into a map, keeping the first value of a repeated name. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

/**
 * The token is generated once per start and printed in the start-up URL; it can be exchanged for a session
 * as long as the host runs (a reopened browser needs the URL again), but only a session cookie opens the
 * contract socket, so the token never has to live in the page.
 */
export function createWebSessions(token: string = randomId()): WebSessions {
  const sessions = new Set<string>();
  return {
    token,
    tokenMatches: (candidate) => candidate !== null && safeEqual(candidate, token),
    open() {
      const id = randomId();
      sessions.add(id);
      return id;
    },
    isValidCookieHeader(header) {
      const id = parseCookies(header).get(SESSION_COOKIE);
      return id !== undefined && sessions.has(id);
    },
  };
}
