import { constants } from 'node:fs';
import { copyFile, rename } from 'node:fs/promises';
import { fail, ok, type Result } from '../../../shared/result';
import type { ShellLog } from './ipc-router';
import { applyShellPatch, salvageShellSettings, ShellSettingsPatch, type ShellSettings } from './shell-settings';
import { migrateShellSettings } from './shell-settings-migrations';

/**
 * The part of electron-store (and of `conf`, which it extends) this store uses: the whole object, read
 * and written at once. electron-store's own migrations need semver and never run for a new store, so
 * the versioned steps are ours (shell-settings-migrations.ts), tested with a fixture per version.
 */
export interface JsonStore {
  readonly path: string;
  store: Record<string, unknown>;
}

export interface ShellSettingsStore {
  get(): ShellSettings;
  update(patch: unknown): Result<ShellSettings>;
  onChange(listener: (settings: ShellSettings) => void): () => void;
  /** What happened when the file was opened (backups made, values replaced): for the log and the UI. */
  readonly notes: readonly string[];
}

const stampOf = (at: Date): string => at.toISOString().replace(/[:.]/g, '-');

/**
 * Opens the shell settings and never fails: an unparseable file is moved aside to
 * `<file>.corrupt-<time>` and defaults are used; a file that parses but does not validate (or comes from
 * a newer app) is copied to `<file>.invalid-<time>` and every value that is still valid is kept.
 */
export async function openShellSettings(deps: { filePath: string; open: () => JsonStore; now: () => Date; log: ShellLog }): Promise<ShellSettingsStore> {
  const notes: string[] = [];
  const note = (message: string): void => {
    notes.push(message);
    deps.log.warn(message);
  };

  let backend: JsonStore;
  try {
    backend = deps.open();
  } catch (error) {
    const aside = `${deps.filePath}.corrupt-${stampOf(deps.now())}`;
    try {
      await rename(deps.filePath, aside);
      note(`${deps.filePath} could not be read (${(error as Error).message}); it was moved to ${aside} and defaults are used`);
      backend = deps.open();
    } catch (again) {
      note(`${deps.filePath} cannot be used (${(again as Error).message}); settings are kept in memory until the app quits`);
      backend = { path: '', store: {} };
    }
  }

  let current: ShellSettings;
  const raw = backend.store;
  const migrated = migrateShellSettings(raw);
  const salvaged = salvageShellSettings(migrated.ok ? migrated.value.data : {});
  current = salvaged.settings;
  const fresh = Object.keys(raw).length === 0;
  const repaired = !migrated.ok || salvaged.dropped.length > 0;
  if (repaired && !fresh && backend.path !== '') {
    const copy = `${deps.filePath}.invalid-${stampOf(deps.now())}`;
    const why = migrated.ok ? `values not understood: ${salvaged.dropped.join(', ')}` : migrated.error.message;
    try {
      await copyFile(deps.filePath, copy, constants.COPYFILE_EXCL);
      note(`${deps.filePath}: ${why}; a copy was saved as ${copy}, valid values were kept`);
    } catch (error) {
      note(`${deps.filePath}: ${why}; no copy could be made (${(error as Error).message}), valid values were kept`);
    }
  }
  if (fresh || repaired || (migrated.ok && migrated.value.from !== current.version)) {
    try {
      backend.store = { ...current };
    } catch (error) {
      note(`${deps.filePath} could not be written (${(error as Error).message})`);
    }
  }

  const listeners = new Set<(settings: ShellSettings) => void>();
  return {
    get: () => current,
    update(patch) {
      const parsed = ShellSettingsPatch.safeParse(patch);
      if (!parsed.success) return fail('shell-settings-invalid', `Shell settings change refused: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      current = applyShellPatch(current, parsed.data);
      let saved: Result<ShellSettings> = ok(current);
      try {
        backend.store = { ...current };
      } catch (error) {
        saved = fail('shell-settings-save-failed', `${deps.filePath} could not be written (${(error as Error).message}); the change applies until the app quits`);
      }
      for (const listener of listeners) listener(current);
      return saved;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    notes,
  };
}
