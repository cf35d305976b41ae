import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The Electron binary, if this machine has one. The npm package only carries the binary after its
 * download (postinstall before Electron 42, first run after); `require('electron')` throws without it.
 */
export function electronRuntime(): { ok: true; executable: string } | { ok: false; reason: string } {
  let executable: string;
  try {
    executable = createRequire(import.meta.url)('electron') as string;
  } catch (error) {
    return { ok: false, reason: `no Electron runtime on this machine (${(error as Error).message.split('\n')[0]}); these specs run where the binary exists (desktop, CI with xvfb) — \`npm ci\` fetches it where the download server is reachable, or run \`npx install-electron\`` };
  }
  if (typeof executable !== 'string' || !existsSync(executable)) return { ok: false, reason: `the Electron binary ${String(executable)} is missing` };
  return { ok: true, executable };
}

/** What `_electron.launch` starts: the built app (package.json main → out/main/main.cjs). */
export function builtAppMissing(): string | undefined {
  const needed = ['out/main/main.cjs', 'out/main/preload.cjs', 'out/renderer/index.html'].filter((f) => !existsSync(join(PROJECT_ROOT, f)));
  return needed.length === 0 ? undefined : `build the app first (npm run build && npm run build:shell): missing ${needed.join(', ')}`;
}
