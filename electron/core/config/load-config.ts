import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { validateConfig, type AppConfig, type ConfigIssue } from '../../../shared/config';
import { errorCode, errorText, nodeConfigFs, type ConfigFs } from './config-fs';
import { applyEnvOverrides } from './env-overrides';

export interface LoadConfigOptions {
  /** The JSON config file; absent = defaults (plus environment). */
  readonly file?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fs?: ConfigFs;
  /** For the `.corrupt-<timestamp>` backup name. */
  readonly now?: () => Date;
  readonly agentTimeZone?: string;
  readonly generateToken?: () => string;
}

export type ConfigSourceKind = 'file' | 'missing-file' | 'unreadable-file' | 'corrupt-file' | 'no-file';

export interface ConfigSource {
  readonly kind: ConfigSourceKind;
  readonly file?: string;
  /** Copy of an unparseable file, made before anything else could overwrite it. */
  readonly backup?: string;
  /** Environment variables applied, name → config path. */
  readonly env: Readonly<Record<string, string>>;
}

export interface LoadedConfig {
  readonly config: AppConfig;
  readonly issues: ConfigIssue[];
  readonly source: ConfigSource;
}

/**
 * Reads the config file and never fails: a missing file means defaults; an unparseable one is copied to
 * `<file>.corrupt-<timestamp>` (the original is left untouched, never silently overwritten) and defaults
 * are used; everything found is validated value by value (see validateConfig).
 */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const fs = options.fs ?? nodeConfigFs;
  const issues: ConfigIssue[] = [];
  let raw: unknown = {};
  let source: Omit<ConfigSource, 'env'> = { kind: 'no-file' };

  if (options.file !== undefined) {
    const file = options.file;
    let text: string | undefined;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (caught) {
      const missing = errorCode(caught) === 'ENOENT';
      source = { kind: missing ? 'missing-file' : 'unreadable-file', file };
      if (!missing) issues.push({ path: '', severity: 'error', message: `cannot read ${file}: ${errorText(caught)}; defaults are used` });
    }
    if (text !== undefined) {
      try {
        raw = JSON.parse(text.replace(/^\uFEFF/, ''));
        source = { kind: 'file', file };
      } catch (caught) {
        const backup = await backupCorrupt(fs, file, (options.now ?? (() => new Date()))());
        source = { kind: 'corrupt-file', file, ...(backup.ok ? { backup: backup.path } : {}) };
        const kept = backup.ok ? `a copy was saved as ${backup.path}` : `no copy could be made (${backup.error})`;
        issues.push({ path: '', severity: 'error', message: `${file} is not valid JSON (${errorText(caught)}); ${kept}; defaults are used` });
      }
    }
  }

  const withEnv = applyEnvOverrides(raw, options.env);
  const validated = validateConfig(withEnv.raw, {
    ...(options.agentTimeZone === undefined ? {} : { agentTimeZone: options.agentTimeZone }),
    generateToken: options.generateToken ?? (() => randomBytes(24).toString('base64url')),
  });
  const fromEnv = new Map(Object.entries(withEnv.applied).map(([name, path]) => [path, name]));
  for (const found of validated.issues) {
    const variable = fromEnv.get(found.path);
    issues.push(variable ? { ...found, message: `${found.message} (value from ${variable})` } : found);
  }
  return { config: validated.config, issues, source: { ...source, env: withEnv.applied } };
}

async function backupCorrupt(fs: ConfigFs, file: string, at: Date): Promise<{ ok: true; path: string } | { ok: false; error: string }> {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const path = `${file}.corrupt-${stamp}`;
  try {
    // COPYFILE_EXCL: an earlier backup with the same name is never overwritten either.
    await fs.copyFile(file, path, constants.COPYFILE_EXCL);
    return { ok: true, path };
  } catch (caught) {
    return { ok: false, error: errorText(caught) };
  }
}
