import { randomBytes } from 'node:crypto';
import { fail, ok, type Result } from '../../../shared/result';
import { errorCode, errorText, nodeConfigFs, type ConfigFs } from './config-fs';
import { loadConfig, type LoadConfigOptions, type LoadedConfig } from './load-config';
import { writeFileAtomic } from '../files/write-file-atomic';

/**
 * Where a generated CTI bridge token is kept between starts. The PBX side is configured once with it (the
 * 3CX "Open contact URL", the bridge's settings): a new token at every start would silently break it.
 */
export interface BridgeTokenKeeper {
  /** Human words for where it is kept, for the start-up message. */
  readonly where: string;
  read(): Promise<Result<string | undefined>>;
  write(token: string): Promise<Result<void>>;
}

const TOKEN = /^[A-Za-z0-9_-]{24,256}$/;

/**
 * A 0600 file in the data folder, for web mode and the CLI (no OS keychain from Node; the config file next
 * to it is 0600 too). A file that does not hold a plausible token is ignored and replaced.
 */
export function fileBridgeTokenKeeper(file: string, fs: ConfigFs = nodeConfigFs): BridgeTokenKeeper {
  return {
    where: file,
    async read() {
      try {
        const text = (await fs.readFile(file, 'utf8')).trim();
        return ok(TOKEN.test(text) ? text : undefined);
      } catch (caught) {
        return errorCode(caught) === 'ENOENT' ? ok(undefined) : fail('token.unreadable', `Cannot read ${file}: ${errorText(caught)}`);
      }
    },
    async write(token) {
      try {
        await writeFileAtomic(file, `${token}\n`, { mode: 0o600 });
        return ok(undefined);
      } catch (caught) {
        return fail('token.unwritable', `Cannot keep the CTI bridge token in ${file}: ${errorText(caught)}`);
      }
    },
  };
}

/** Reads a kept token but never writes one (diagnostic commands must not leave files behind). */
export function readOnlyKeeper(keeper: BridgeTokenKeeper): BridgeTokenKeeper {
  return { where: keeper.where, read: () => keeper.read(), write: async () => fail('token.read-only', `${keeper.where} is only read by this command`) };
}

/**
 * loadConfig, except that a config naming no CTI token gets the one generated at an earlier start (or a new
 * one, kept for the next starts). A token from the file or CTI_TOKEN always wins and nothing is written.
 */
export async function loadConfigKeepingBridgeToken(options: LoadConfigOptions, keeper: BridgeTokenKeeper): Promise<LoadedConfig> {
  const kept = await keeper.read();
  let generated: string | undefined;
  let used = false;
  const loaded = await loadConfig({
    ...options,
    generateToken: () => {
      used = true;
      if (kept.ok && kept.value !== undefined) return kept.value;
      generated = (options.generateToken ?? (() => randomBytes(24).toString('base64url')))();
      return generated;
    },
  });
  if (!used) return loaded;
  const issues = loaded.issues.filter((i) => i.path !== 'cti.token');
  if (!kept.ok) issues.push({ path: 'cti.token', severity: 'warning', message: `${kept.error.message}; a new bridge token was generated` });
  if (generated !== undefined) {
    const written = await keeper.write(generated);
    issues.push(
      written.ok
        ? { path: 'cti.token', severity: 'warning', message: `no bridge token configured: one was generated and kept in ${keeper.where} for the next starts; give it to the CTI bridge` }
        : { path: 'cti.token', severity: 'warning', message: `no bridge token configured: a new one was generated for this start only (${written.error.message})` },
    );
  }
  return { ...loaded, issues };
}
