import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../shared/result';

/**
 * Web mode serves out/renderer; build it once when missing (a fresh checkout), with Vite's own API so no
 * shell or npx is involved. Progress goes to stderr: stdout carries only the start-up URL.
 */
export async function ensureRendererBuilt(projectRoot: string, log: (m: string) => void): Promise<Result<string>> {
  const outDir = join(projectRoot, 'out', 'renderer');
  if (existsSync(join(outDir, 'index.html'))) return ok(outDir);
  log('The renderer is not built yet: building it now (npm run build:renderer)…');
  try {
    const { build } = await import('vite');
    await build({ configFile: join(projectRoot, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
  } catch (e) {
    return fail('build-failed', `could not build the renderer: ${e instanceof Error ? e.message : String(e)}`);
  }
  return existsSync(join(outDir, 'index.html')) ? ok(outDir) : fail('build-failed', `the build finished but ${outDir}/index.html is missing`);
}
