import { homedir } from 'node:os';
import { join } from 'node:path';

/** In the data folder: the CTI bridge token generated when the config names none (see bridge-token.ts). */
export const BRIDGE_TOKEN_FILE = 'cti-bridge-token';

/** Per-user folder for history and local state, following each OS's convention. */
export function defaultDataDir(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env['ITOP_CTI_DATA_DIR']) return env['ITOP_CTI_DATA_DIR'];
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'iTop CTI Companion');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'iTop CTI Companion');
  return join(env['XDG_DATA_HOME'] ?? join(home, '.local', 'share'), 'itop-cti-companion');
}
