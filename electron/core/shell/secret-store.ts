import { readFile, rename } from 'node:fs/promises';
import type { SafeStorage } from 'electron';
import { z } from 'zod';
import { fail, ok, type Result } from '../../../shared/result';
import { writeFileAtomic } from '../files/write-file-atomic';
import type { ShellLog } from './ipc-router';

/** Electron's safeStorage, as far as the store uses it (`Pick` keeps the fake honest to the real types). */
export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend' | 'setUsePlainTextEncryption'>;

export const SECRET_NAMES = ['itop.password', 'itop.token', 'cti.token'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

export interface SecretStoreStatus {
  readonly available: boolean;
  /** safeStorage backend on Linux ('gnome_libsecret', 'kwallet5', 'basic_text'…); 'os' elsewhere. */
  readonly backend: string;
  /** Shown in Settings: secrets are not really protected (Linux without a keyring). */
  readonly warning?: string;
}

/** Async on purpose: Electron 46 drops the synchronous safeStorage API for async variants. */
export interface SecretStore {
  status(): Promise<SecretStoreStatus>;
  get(name: SecretName): Promise<Result<string | undefined>>;
  /** '' removes the secret. */
  set(name: SecretName, value: string): Promise<Result<void>>;
  delete(name: SecretName): Promise<Result<void>>;
}

export const BASIC_TEXT_WARNING =
  'No system keyring (GNOME Keyring, KWallet) is available: the iTop password and token are stored with a fixed key that any program running as you can undo. Install and unlock a keyring, then save them again.';

const SecretsFile = z.object({ version: z.literal(1), secrets: z.record(z.string(), z.string()) });

/**
 * Secrets encrypted with safeStorage, base64 in `<userData>/secrets.json` (0600). safeStorage is only
 * touched after `ready` resolves: before `app.whenReady()` Windows and Linux report encryption as
 * unavailable (https://www.electronjs.org/docs/latest/api/safe-storage). Nothing is ever stored in
 * clear: without encryption, `set` fails with a reason.
 */
export function createSecretStore(deps: { safeStorage: SafeStorageLike; ready: Promise<void>; file: string; platform: NodeJS.Platform; log: ShellLog; now?: () => Date }): SecretStore {
  let chain: Promise<unknown> = Promise.resolve();
  const serialized = <T>(task: () => Promise<T>): Promise<T> => {
    const next = chain.then(task, task);
    chain = next.catch(() => undefined);
    return next;
  };

  async function status(): Promise<SecretStoreStatus> {
    await deps.ready;
    const backend = deps.platform === 'linux' ? deps.safeStorage.getSelectedStorageBackend() : 'os';
    if (backend === 'basic_text') {
      // Linux without a keyring: Electron can still obfuscate with a built-in key if asked to. We accept
      // it (the agent must be able to log in) but say so plainly in Settings.
      deps.safeStorage.setUsePlainTextEncryption(true);
      return { available: deps.safeStorage.isEncryptionAvailable(), backend, warning: BASIC_TEXT_WARNING };
    }
    return { available: deps.safeStorage.isEncryptionAvailable(), backend };
  }

  async function readAll(): Promise<Record<string, string>> {
    let text: string;
    try {
      text = await readFile(deps.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    let parsed: z.ZodSafeParseResult<z.infer<typeof SecretsFile>>;
    try {
      parsed = SecretsFile.safeParse(JSON.parse(text));
    } catch {
      parsed = SecretsFile.safeParse(undefined);
    }
    if (parsed.success) return parsed.data.secrets;
    const aside = `${deps.file}.corrupt-${(deps.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
    await rename(deps.file, aside);
    deps.log.warn(`${deps.file} is not a secrets file; moved to ${aside}; the password and token must be entered again`);
    return {};
  }

  async function writeAll(secrets: Record<string, string>): Promise<void> {
    await writeFileAtomic(deps.file, `${JSON.stringify({ version: 1, secrets }, null, 2)}\n`, { mode: 0o600 });
  }

  const set = (name: SecretName, value: string): Promise<Result<void>> =>
    serialized(async () => {
      if (!SECRET_NAMES.includes(name)) return fail('secret-unknown', `Unknown secret "${String(name)}"`);
      const { available } = await status();
      if (value !== '' && !available) {
        return fail('secret-store-unavailable', `The ${name} was not saved: the system's secret storage is not available, and secrets are never written in clear`);
      }
      try {
        const secrets = await readAll();
        if (value === '') delete secrets[name];
        else secrets[name] = deps.safeStorage.encryptString(value).toString('base64');
        await writeAll(secrets);
        return ok(undefined);
      } catch (error) {
        return fail('secret-save-failed', `The ${name} could not be saved: ${(error as Error).message}`);
      }
    });

  return {
    status,
    set,
    delete: (name) => set(name, ''),
    get: (name) =>
      serialized(async () => {
        const { available } = await status();
        const stored = (await readAll())[name];
        if (stored === undefined) return ok(undefined);
        if (!available) return fail('secret-store-unavailable', `The ${name} cannot be read: the system's secret storage is not available`);
        try {
          return ok(deps.safeStorage.decryptString(Buffer.from(stored, 'base64')));
        } catch (error) {
          return fail('secret-unreadable', `The stored ${name} cannot be decrypted (${(error as Error).message}); enter it again in Settings`);
        }
      }),
  };
}
