import type { ContractHandlers, InvokeResult } from '../../../shared/contract/contract';
import type { SecretName, SecretStore } from './secret-store';

type SettingsView = InvokeResult<'settings:get'>;

/**
 * The desktop's settings:get/update: passwords and tokens typed in Settings go to the secret store
 * (safeStorage) before the core sees the change, and the view carries the secret-storage warning
 * (Linux without a keyring) so the agent sees it where they type the password.
 */
export function withSecretStorage(handlers: ContractHandlers, o: { secrets: SecretStore; remember: (secret: string) => void }): ContractHandlers {
  const withWarning = async (view: SettingsView): Promise<SettingsView> => {
    const status = await o.secrets.status();
    const warning = status.warning ?? (status.available ? undefined : 'The system secret storage is not available: the iTop password and token cannot be saved.');
    return warning === undefined ? view : { ...view, secretStorageWarning: warning };
  };
  return {
    ...handlers,
    'settings:get': async () => withWarning(await handlers['settings:get']()),
    'settings:update': async (patch) => {
      const typed: [SecretName, string | undefined][] = [
        ['itop.password', patch.itop?.password],
        ['itop.token', patch.itop?.token],
      ];
      for (const [name, value] of typed) {
        if (value === undefined) continue;
        const saved = await o.secrets.set(name, value);
        // Refuse the whole change: a password that was not stored safely must not look saved.
        if (!saved.ok) throw new Error(saved.error.message);
        if (value !== '') o.remember(value);
      }
      return withWarning(await handlers['settings:update'](patch));
    },
  };
}
