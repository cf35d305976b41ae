import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface ElectronRuntime {
  binary: string;
  mainEntry: string;
}

export type ElectronCheck = { available: true; runtime: ElectronRuntime } | { available: false; reason: string };

/**
 * Whether `npm start` can open the desktop app: the `electron` package resolves, its downloaded binary
 * exists (`npm ci` fetches it where the network allows; offline installs have none), and the shell has been built.
 * Never `require('electron')` here: without a binary that throws, and it may try to download one.
 */
export function findElectronRuntime(projectRoot: string): ElectronCheck {
  const require = createRequire(join(projectRoot, 'package.json'));
  let pkgDir: string;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { available: false, reason: 'the electron package is not installed' };
  }
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return { available: false, reason: 'no Electron binary was downloaded: `npx install-electron` fetches it' };
  const binary = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { available: false, reason: `the Electron binary is missing (${binary})` };
  const mainEntry = join(projectRoot, 'out', 'main', 'main.cjs');
  if (!existsSync(mainEntry)) return { available: false, reason: `the Electron shell is not built: run \`npm run build\`` };
  return { available: true, runtime: { binary, mainEntry } };
}
