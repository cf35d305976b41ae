/**
 * Login material of the simulated users: passwords, profiles and tokens. The User objects themselves
 * live in the store (so OQL `:current_user->…` and `SELECT User` work); this registry is keyed by their id.
 */
export const PROFILE = {
  admin: 'Administrator',
  agent: 'Support Agent',
  rest: 'REST Services User',
  portal: 'Portal user',
} as const;

export interface PersonalToken {
  readonly token: string;
  readonly scopes: readonly string[];
  /** "Y-m-d H:i:s" in server time, or undefined for no expiry. */
  readonly expiresAt?: string;
}

export interface Account {
  readonly userId: number;
  readonly login: string;
  /** Absent for application tokens (UserToken), which cannot log in with a password. */
  readonly password?: string;
  readonly profiles: readonly string[];
  readonly enabled: boolean;
  /** The UserToken's own token. */
  readonly appToken?: string;
  readonly personalTokens: readonly PersonalToken[];
}

export interface Accounts {
  all(): readonly Account[];
  byLogin(login: string): Account | undefined;
  byUserId(id: number): Account | undefined;
  add(account: Account): void;
  setPassword(login: string, password: string): boolean;
}

export function createAccounts(initial: readonly Account[]): Accounts {
  const list = [...initial];
  return {
    all: () => list,
    byLogin: (login) => list.find((a) => a.login === login),
    byUserId: (id) => list.find((a) => a.userId === id),
    add: (account) => void list.push(account),
    setPassword(login, password) {
      const i = list.findIndex((a) => a.login === login);
      const found = list[i];
      if (i < 0 || !found) return false;
      list[i] = { ...found, password };
      return true;
    },
  };
}

export const isAdmin = (a: Account): boolean => a.profiles.includes(PROFILE.admin);
