import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type InlineConfig } from 'vite';

/**
 * Builds the Electron main process and the preload, each as ONE CommonJS file in out/main/:
 *   vite build -c electron/vite.config.ts --mode main     → out/main/main.cjs
 *   vite build -c electron/vite.config.ts --mode preload  → out/main/preload.cjs
 * Two builds, not one with two entries: Rollup would share chunks between them, and a sandboxed preload
 * cannot `require` a chunk (it may only require 'electron'). The renderer is built by renderer/vite.config.ts.
 */
export type ShellTarget = 'main' | 'preload';

const root = fileURLToPath(new URL('..', import.meta.url));
const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * Left to `require`/`import()` at run time: Electron itself, Node built-ins, electron-store (ESM-only:
 * loaded with import()), and ws with its optional native helpers. Everything else is bundled, so the
 * packaged app does not depend on how node_modules was hoisted.
 */
const MAIN_EXTERNALS = ['electron', 'electron-store', 'ws', 'bufferutil', 'utf-8-validate', ...NODE_BUILTINS];

export function shellBuildConfig(target: ShellTarget, outDir = fileURLToPath(new URL('../out/main', import.meta.url))): InlineConfig {
  const entry = fileURLToPath(new URL(target === 'main' ? './main.ts' : './preload.ts', import.meta.url));
  return {
    root,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    resolve: { conditions: ['node', 'import', 'default'], mainFields: ['module', 'main'] },
    build: {
      outDir,
      // main builds first and clears the folder; the preload build must not delete main.cjs.
      emptyOutDir: target === 'main',
      target: 'node20',
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      copyPublicDir: false,
      lib: { entry, formats: ['cjs'], fileName: () => `${target}.cjs` },
      rollupOptions: {
        external: target === 'main' ? MAIN_EXTERNALS : ['electron'],
        output: { inlineDynamicImports: true, exports: 'none', interop: 'auto' },
      },
    },
  };
}

export default defineConfig(({ mode }) => shellBuildConfig(mode === 'preload' ? 'preload' : 'main'));
