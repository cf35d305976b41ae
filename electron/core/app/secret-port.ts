import type { AppConfig } from '../../../shared/config/app-config';
import { ok, type Result } from '../../../shared/result';
import type { BridgeTokenKeeper } from '../config/bridge-token';

/** The secrets the core keeps out of config.json when the host gives it a SecretStore. */
export type SecretName = 'itop.password' | 'itop.token' | 'cti.token';

/**
 * Where the desktop keeps the iTop password and token (Electron safeStorage). Web mode and the CLI inject
 * none: there the secrets stay in config.json (mode 0600) or come from ITOP_CTI_ITOP_PASSWORD/TOKEN.
 */
export interface SecretStore {
  /** `warning` is shown in Settings (e.g. Linux `basic_text`: no keyring, the key is built in). */
  status(): Promise<{ readonly available: boolean; readonly warning?: string }>;
  get(name: SecretName): Promise<Result<string | undefined>>;
  set(name: SecretName, value: string): Promise<Result<void>>;
  delete(name: SecretName): Promise<Result<void>>;
}

const FIELDS: readonly [SecretName, 'password' | 'token'][] = [
  ['itop.password', 'password'],
  ['itop.token', 'token'],
];

/** config.json as written when a secret store holds the secrets: both fields empty. */
export function withoutSecrets(config: AppConfig): AppConfig {
  return { ...config, itop: { ...config.itop, password: '', token: '' } };
}

/**
 * The running config with the stored secrets. A secret the store cannot read is reported, not fatal: the
 * agent sees "login refused" and types it again. A value from the file/env wins only when the store has none
 * (first start after an upgrade; the next settings save moves it into the store).
 */
export async function readSecretsInto(config: AppConfig, store: SecretStore): Promise<{ config: AppConfig; problems: string[] }> {
  const itop = { ...config.itop };
  const problems: string[] = [];
  for (const [name, field] of FIELDS) {
    const stored = await store.get(name);
    if (!stored.ok) problems.push(stored.error.message);
    else if (stored.value !== undefined && stored.value !== '') itop[field] = stored.value;
  }
  return { config: { ...config, itop }, problems };
}

/**
 * Makes the store hold the config's secrets ('' = none). Only differences are written, so a store without
 * a keyring does not block unrelated changes (language…); a password first read from config.json moves
 * into the store on the next save instead of being lost. The first failure refuses the change.
 */
export async function syncSecrets(store: SecretStore, itop: Pick<AppConfig['itop'], 'password' | 'token'>): Promise<Result<void>> {
  for (const [name, field] of FIELDS) {
    const value = itop[field];
    const stored = await store.get(name);
    if (stored.ok && (stored.value ?? '') === value) continue;
    const saved = value === '' ? await store.delete(name) : await store.set(name, value);
    if (!saved.ok) return saved;
  }
  return ok(undefined);
}

/** What Settings shows about secret storage, or undefined when all is well. */
export async function secretStorageWarning(store: SecretStore): Promise<string | undefined> {
  const status = await store.status();
  return status.warning ?? (status.available ? undefined : 'The system secret storage is not available: the iTop password and token cannot be saved.');
}

/** The desktop keeps a generated CTI bridge token in the OS keychain, like the iTop secrets. */
export function keychainBridgeTokenKeeper(store: SecretStore): BridgeTokenKeeper {
  return { where: 'the system keychain', read: () => store.get('cti.token'), write: (token) => store.set('cti.token', token) };
}
