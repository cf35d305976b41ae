import { fail, ok, type Result } from '../../../shared/result';
import { serializeConfig, type AppConfig } from '../../../shared/config';
import { writeFileAtomic } from '../files/write-file-atomic';
import { errorText } from './config-fs';

/**
 * Writes the config atomically: a temp file in the same folder, then rename over the target, so a crash
 * or full disk leaves either the old file or the new one, never half of one.
 *
 * Secrets: the file may hold itop.password / itop.token / cti.token for the CLI and web modes (so it is
 * written 0600). The desktop shell keeps them in the OS keychain (Electron safeStorage) instead and
 * should pass a config with those fields emptied; values that came from environment variables should
 * likewise not be saved back (see LoadedConfig.source.env).
 */
export async function saveConfig(file: string, config: AppConfig): Promise<Result<void>> {
  try {
    await writeFileAtomic(file, `${JSON.stringify(serializeConfig(config), null, 2)}\n`, { mode: 0o600 });
    return ok(undefined);
  } catch (caught) {
    return fail('config.save_failed', `Could not save the configuration to ${file}: ${errorText(caught)}`);
  }
}
