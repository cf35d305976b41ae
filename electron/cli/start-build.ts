import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { fail, ok, type Result } from '../../shared/result';

/** Vite colours its messages (SGR sequences): our log escapes control characters, so drop the colours first. */
const plain = (message: string): string => stripVTControlCharacters(message);

/**
 * Web mode serves out/renderer; build it once when missing (a fresh checkout), with Vite's own API so no
 * shell or npx is involved. Its warnings go through our log (escaped, on stderr): stdout carries only the
 * start-up URL, and no build message reaches the terminal raw.
 */
export async function ensureRendererBuilt(projectRoot: string, log: (m: string) => void): Promise<Result<string>> {
  const outDir = join(projectRoot, 'out', 'renderer');
  if (existsSync(join(outDir, 'index.html'))) return ok(outDir);
  log('The renderer is not built yet: building it now (npm run build:renderer)…');
  try {
    const { build, createLogger } = await import('vite');
    const quiet = createLogger('warn', { allowClearScreen: false });
    const say = (message: string): void => log(`renderer build: ${plain(message)}`);
    const customLogger = { ...quiet, info: () => undefined, warn: say, warnOnce: say, error: say };
    await build({ configFile: join(projectRoot, 'renderer', 'vite.config.ts'), logLevel: 'warn', customLogger });
  } catch (e) {
    return fail('build-failed', `could not build the renderer: ${e instanceof Error ? e.message : String(e)}`);
  }
  return existsSync(join(outDir, 'index.html')) ? ok(outDir) : fail('build-failed', `the build finished but ${outDir}/index.html is missing`);
}
