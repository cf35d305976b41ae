import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Cookies are not port-scoped: every server on 127.0.0.1 receives them. The port in the name keeps two
 * companions (or a companion and any other local server) from reading each other's session as theirs, and
 * each session records the port it was opened on.
 */
export const sessionCookieName = (port: number): string => `cti_session_${port}`;

/** How long a sign-in link works when nobody says otherwise: long enough to click the printed line. */
export const DEFAULT_TOKEN_TTL_MS = 2 * 60_000;
/** A signed-in tab lives for a shift; the cap keeps the set bounded whatever a client does. */
const MAX_SESSIONS = 64;

/** Secrets of one web-host run: the sign-in tokens and the sessions they were exchanged for. */
export interface WebSessions {
  /** A new sign-in token: single use, valid for the TTL. */
  issueToken(): string;
  /** Consumes a presented sign-in token: true once, for a live token, then never again. */
  redeemToken(candidate: string | null): boolean;
  /** True while some issued token is still unused and unexpired. */
  hasLiveToken(): boolean;
  /** A new session id for the cookie of this port. */
  open(): string;
  /** Whether a Cookie header carries a live session opened on the port the request arrived on. */
  isValidCookieHeader(header: string | undefined, localPort: number | undefined): boolean;
  readonly cookieName: string;
}

const randomId = () => randomBytes(32).toString('base64url');

const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Parses `a=1; b=2` into a map, keeping the first value of a repeated name; bounded for hostile headers. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').slice(0, 8192).split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

export interface WebSessionsDeps {
  port: number;
  now: () => number;
  tokenTtlMs?: number;
  /** Fixed first token (tests); later tokens are random. */
  firstToken?: string;
}

export function createWebSessions(deps: WebSessionsDeps): WebSessions {
  const ttl = deps.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS;
  const tokens = new Map<string, number>(); // token → expiry
  const sessions = new Map<string, { port: number }>();
  const cookieName = sessionCookieName(deps.port);
  let first = deps.firstToken;

  const dropExpired = () => {
    const now = deps.now();
    for (const [token, expires] of tokens) if (expires <= now) tokens.delete(token);
  };

  return {
    cookieName,
    issueToken() {
      dropExpired();
      const token = first ?? randomId();
      first = undefined;
      tokens.set(token, deps.now() + ttl);
      return token;
    },
    redeemToken(candidate) {
      dropExpired();
      if (candidate === null) return false;
      for (const token of tokens.keys()) {
        if (!safeEqual(candidate, token)) continue;
        tokens.delete(token);
        return true;
      }
      return false;
    },
    hasLiveToken() {
      dropExpired();
      return tokens.size > 0;
    },
    open() {
      const id = randomId();
      sessions.set(id, { port: deps.port });
      // The oldest session goes first: a client minting sessions cannot grow this set without bound.
      while (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
      return id;
    },
    isValidCookieHeader(header, localPort) {
      const id = parseCookies(header).get(cookieName);
      return id !== undefined && localPort === deps.port && sessions.get(id)?.port === localPort;
    },
  };
}
