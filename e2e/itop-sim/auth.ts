/**
 * iTop's login for rest.php (application/loginwebpage + login plugins): the plugins of
 * `allowed_login_types` are tried in order and the first that finds its credentials decides.
 * Every failure is the same "Invalid login"; only the REST-profile and portal checks differ.
 */
import { PROFILE, type Account, type Accounts } from './accounts';
import { readParam, readPostedParam, type PhpRequest } from './http/request-params';

export type AuthOutcome =
  | { readonly ok: true; readonly account: Account }
  | { readonly ok: false; readonly reason: 'invalid-login' | 'no-rest-profile' | 'portal-user' | 'token-forced-without-token' };

export interface AuthConfig {
  /** Adds `rest-token` to allowed_login_types (authent-token installed and enabled). */
  readonly tokenLogin: boolean;
  /** authent-token's personal_tokens_allowed_profiles (Administrators are always allowed). */
  readonly personalTokenProfiles: readonly string[];
  /** Server-local "Y-m-d H:i:s" now, to check token expiry. */
  readonly now: () => string;
}

type Mode = 'form' | 'external' | 'basic' | 'rest-token';

export function authenticate(req: PhpRequest, accounts: Accounts, config: AuthConfig): AuthOutcome {
  const allowed: Mode[] = config.tokenLogin ? ['form', 'external', 'basic', 'rest-token'] : ['form', 'external', 'basic'];
  const forced = readParam(req, 'login_mode');
  const forcedMode = forced === 'token' ? 'rest-token' : forced;
  const modes = allowed.filter((m) => forcedMode === undefined || !isMode(forcedMode, allowed) || m === forcedMode);
  for (const mode of modes) {
    const claimed = tryMode(mode, req, accounts, config);
    if (claimed === 'not-mine') continue;
    return claimed === undefined ? { ok: false, reason: 'invalid-login' } : afterLogin(claimed);
  }
  if (forcedMode === 'rest-token' && isMode(forcedMode, allowed)) return { ok: false, reason: 'token-forced-without-token' };
  return { ok: false, reason: 'invalid-login' };
}

function isMode(m: string, allowed: readonly Mode[]): m is Mode {
  return (allowed as readonly string[]).includes(m);
}

/** rest.php:106-141 after a successful login. */
function afterLogin(account: Account): AuthOutcome {
  if (account.profiles.includes(PROFILE.portal)) return { ok: false, reason: 'portal-user' };
  if (!account.profiles.includes(PROFILE.rest)) return { ok: false, reason: 'no-rest-profile' };
  return { ok: true, account };
}

/** 'not-mine' when the plugin finds none of its credentials; undefined when they are wrong. */
function tryMode(mode: Mode, req: PhpRequest, accounts: Accounts, config: AuthConfig): Account | undefined | 'not-mine' {
  switch (mode) {
    case 'form': {
      const user = readPostedParam(req, 'auth_user');
      const pwd = readPostedParam(req, 'auth_pwd');
      if (user === undefined || user === '' || pwd === undefined) return 'not-mine';
      return checkPassword(accounts, user, pwd);
    }
    case 'external':
      return 'not-mine'; // REMOTE_USER is never set in front of the simulator
    case 'basic': {
      const header = req.headers.authorization;
      if (header === undefined) return 'not-mine';
      // LoginBasic drops the first 6 characters ("Basic ") whatever the scheme, then splits on ':'.
      const [user, pwd] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
      return user === undefined || pwd === undefined ? undefined : checkPassword(accounts, user, pwd);
    }
    case 'rest-token': {
      const headerToken = req.headers['auth-token'];
      const token = (Array.isArray(headerToken) ? headerToken[0] : headerToken) ?? readParam(req, 'auth_token');
      if (token === undefined || token === '') return 'not-mine';
      return checkToken(accounts, token, config);
    }
  }
}

function checkPassword(accounts: Accounts, login: string, password: string): Account | undefined {
  const account = accounts.byLogin(login);
  return account && account.enabled && account.password !== undefined && account.password === password ? account : undefined;
}

function checkToken(accounts: Accounts, token: string, config: AuthConfig): Account | undefined {
  for (const account of accounts.all()) {
    if (!account.enabled) continue;
    if (account.appToken === token) return account;
    const personal = account.personalTokens.find((t) => t.token === token);
    if (!personal) continue;
    const profileAllowed = account.profiles.includes(PROFILE.admin) || account.profiles.some((p) => config.personalTokenProfiles.includes(p));
    const inScope = personal.scopes.includes('REST/JSON');
    const alive = personal.expiresAt === undefined || personal.expiresAt > config.now();
    return profileAllowed && inScope && alive ? account : undefined;
  }
  return undefined;
}
