import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import { build, resolveConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeContract } from '../../shared/contract/contract';
import { APP_ID } from '../core/shell/app-identity';
import { APP_LAYOUT, resolveAppPaths } from '../core/shell/app-paths';
import { SECURE_WEB_PREFERENCES } from '../core/shell/window-options';
import { shellBuildConfig } from '../vite.config';
import { esmStatements, isNodeBuiltin, requiredModules } from './bundle-inspect';
import { createFakeElectron } from './fake-electron';

/**
 * After-build checks of the Electron shell: the traps of docs/electron-runtime-traps.md that only show on
 * a desktop (ESM or multi-file preload, paths that break inside app.asar, ESM-only electron-store from a
 * CJS main, open-url before ready) are checked here on a fresh build of the real bundles.
 */
const root = new URL('../../', import.meta.url).pathname;
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> };
let appRoot: string;
let mainCode: string;
let preloadCode: string;

beforeAll(async () => {
  // Inside the project (.tmp is git-ignored) so the bundle finds node_modules the way a packaged app does.
  await mkdir(join(root, '.tmp'), { recursive: true });
  appRoot = await mkdtemp(join(root, '.tmp', 'shell-build-'));
  const outDir = join(appRoot, 'out', 'main');
  await build(shellBuildConfig('main', outDir));
  await build(shellBuildConfig('preload', outDir));
  mainCode = await readFile(join(appRoot, APP_LAYOUT.main), 'utf8');
  preloadCode = await readFile(join(appRoot, APP_LAYOUT.preload), 'utf8');
}, 180_000);
afterAll(() => rm(appRoot, { recursive: true, force: true }));

describe('built preload', () => {
  it('is one CommonJS file that Node accepts as CommonJS, without import/export statements', () => {
    expect(() => execFileSync(process.execPath, ['--check', join(appRoot, APP_LAYOUT.preload)], { stdio: 'pipe' })).not.toThrow();
    expect(esmStatements(preloadCode)).toEqual([]);
  });

  it('requires nothing but electron (a sandboxed preload cannot load anything else)', () => {
    expect(requiredModules(preloadCode)).toEqual({ requires: ['electron'], dynamicImports: [] });
  });

  it('exposes a CtiBridge as window.cti, never ipcRenderer, and checks channels', async () => {
    const exposed = new Map<string, unknown>();
    const invoked: unknown[][] = [];
    const listeners = new Map<string, (...a: unknown[]) => void>();
    const ipcRenderer = {
      invoke: async (...args: unknown[]) => (invoked.push(args), { ok: true, value: 'answer' }),
      on: (ch: string, l: (...a: unknown[]) => void) => void listeners.set(ch, l),
      removeListener: (ch: string) => void listeners.delete(ch),
    };
    const fakeElectron = { contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) }, ipcRenderer };
    const run = vm.compileFunction(preloadCode, ['exports', 'require', 'module'], { filename: 'preload.cjs' });
    const module = { exports: {} };
    run(module.exports, (id: string) => (id === 'electron' ? fakeElectron : (() => { throw new Error(`preload required ${id}`); })()), module);

    expect([...exposed.keys()]).toEqual(['cti']);
    const bridge = exposed.get('cti') as { invoke: (ch: string, ...a: unknown[]) => Promise<unknown>; on: (ch: string, l: (p: unknown) => void) => () => void };
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.values(bridge).some((v) => (v as unknown) === ipcRenderer)).toBe(false);
    expect(await bridge.invoke('settings:get')).toEqual({ ok: true, value: 'answer' });
    expect(await bridge.invoke('shell:exec', 'rm -rf /')).toMatchObject({ ok: false, error: { code: 'ipc-unknown-channel' } });
    expect(invoked).toEqual([['settings:get']]);
    const got: unknown[] = [];
    const off = bridge.on('call:focus', (p) => got.push(p));
    bridge.on('not:a-channel', () => undefined);
    listeners.get('call:focus')?.({ sender: 'event' }, { callId: 'c1' });
    expect(got).toEqual([{ callId: 'c1' }]);
    expect([...listeners.keys()]).toEqual(['call:focus']);
    off();
    expect(listeners.size).toBe(0);
  });
});

describe('built main', () => {
  it('is the file package.json starts, and loads only built-ins, electron and packaged dependencies', () => {
    expect(packageJson.main).toBe(APP_LAYOUT.main);
    const { requires, dynamicImports } = requiredModules(mainCode);
    const external = [...requires, ...dynamicImports].filter((m) => !isNodeBuiltin(m) && m !== 'electron');
    for (const name of external) expect(Object.keys(packageJson.dependencies), `${name} must be a dependency so electron-builder packs it`).toContain(name);
    // electron-store is ESM-only: it must be loaded with import(), never require().
    expect(dynamicImports).toContain('electron-store');
    expect(requires).not.toContain('electron-store');
  });

  it('resolves every file it loads from the app root, and each exists in the build output', async () => {
    const paths = resolveAppPaths(appRoot);
    expect(existsSync(paths.main)).toBe(true);
    expect(existsSync(paths.preload)).toBe(true);
    // Icons ship from assets/ (electron-builder `files`), at the same place relative to the app root.
    for (const icon of [APP_LAYOUT.icon, APP_LAYOUT.trayIcon]) expect(existsSync(join(root, icon)), icon).toBe(true);
    // The renderer is built by renderer/vite.config.ts (resolved by Vite: the shell never imports the UI);
    // its output folder must be where main looks for index.html.
    const renderer = await resolveConfig({ configFile: join(root, 'renderer', 'vite.config.ts'), logLevel: 'silent' }, 'build');
    expect(join(resolve(renderer.root, renderer.build.outDir), 'index.html')).toBe(join(root, APP_LAYOUT.rendererIndex));
  });

  it('runs with a fake electron: first tick, then windows, IPC, tray and a call from open-url to the ring pop-up', async () => {
    const userData = join(appRoot, 'userData');
    await mkdir(userData, { recursive: true });
    const fake = createFakeElectron({ appPath: appRoot, paths: { userData, logs: join(userData, 'logs'), appData: join(appRoot, 'appData') } });
    const previous = { CTI_PORT: process.env['CTI_PORT'], ELECTRON_OVERRIDE_DIST_PATH: process.env['ELECTRON_OVERRIDE_DIST_PATH'] };
    process.env['CTI_PORT'] = '0'; // any free port
    process.env['ELECTRON_OVERRIDE_DIST_PATH'] = appRoot; // lets electron-store's own `import 'electron'` resolve in plain Node
    try {
      const projectRequire = createRequire(join(root, 'package.json'));
      const run = vm.compileFunction(mainCode, ['exports', 'require', 'module', '__filename', '__dirname'], {
        filename: join(appRoot, APP_LAYOUT.main),
        importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
      });
      const module = { exports: {} };
      run(module.exports, (id: string) => (id === 'electron' ? fake.electron : projectRequire(id)), module, join(appRoot, APP_LAYOUT.main), join(appRoot, 'out', 'main'));

      // First tick: identity, sandbox, single-instance lock and open-url, all before `ready`.
      expect(fake.log.slice(0, 5)).toEqual(['setAppUserModelId ' + APP_ID, 'enableSandbox ready=false', 'requestSingleInstanceLock', 'app.on open-url ready=false', 'app.on second-instance ready=false']);
      fake.electron.app.emit('open-url', { preventDefault: () => undefined }, 'itop-cti://call?phone=%2B33142000001&name=Ada');

      fake.becomeReady();
      await Promise.race([
        fake.protocolsRegistered,
        fake.exited.then(async (code) => {
          throw new Error(`main exited with ${code}: ${await readFile(join(userData, 'logs', 'companion.log'), 'utf8').catch(String)}`);
        }),
      ]);

      const [mainWindow, popup] = fake.windows;
      expect(mainWindow?.options.webPreferences).toMatchObject({ ...SECURE_WEB_PREFERENCES, preload: resolveAppPaths(appRoot).preload });
      expect(existsSync(String(mainWindow?.options.webPreferences?.preload))).toBe(true);
      expect(mainWindow?.calls).toContain(`loadFile ${resolveAppPaths(appRoot).rendererIndex}`);
      expect([...fake.handlers.keys()].sort()).toEqual(Object.keys(invokeContract).sort());
      expect(fake.permission.request).toBeTypeOf('function');
      expect(fake.trays[0]?.menus.length).toBeGreaterThan(0);
      expect(JSON.parse(await readFile(join(userData, 'shell-settings.json'), 'utf8'))).toMatchObject({ version: 3 });

      // The open-url that arrived before ready became a call: a ring pop-up shown without taking focus.
      expect(popup?.options).toMatchObject({ frame: false, skipTaskbar: true, webPreferences: { sandbox: true } });
      expect(popup?.calls.some((c) => c.includes('#ring-popup?call='))).toBe(true);
      popup?.emit('ready-to-show');
      expect(popup?.calls).toContain('showInactive');
      expect(mainWindow?.webContents.sent.some((s) => s.channel === 'calls:changed')).toBe(true);

      // The renderer of the main window asks for the snapshot over IPC; a stranger is refused.
      const frame = { url: `file://${resolveAppPaths(appRoot).rendererIndex}`, parent: null };
      const snapshot = (await fake.handlers.get('app:snapshot')?.({ sender: { id: mainWindow?.webContents.id }, senderFrame: frame })) as { ok: boolean; value: { calls: { calls: { displayName?: string }[] } } };
      expect(snapshot.ok).toBe(true);
      expect(snapshot.value.calls.calls.map((c) => c.displayName)).toEqual(['Ada']);
      expect(await fake.handlers.get('app:snapshot')?.({ sender: { id: 999 }, senderFrame: frame })).toMatchObject({ ok: false, error: { code: 'ipc-forbidden' } });

      // The dial shortcut: registered once started; a press queues the primary selection's number for confirmation.
      expect([...fake.shortcuts.keys()]).toEqual(['CommandOrControl+Shift+D']);
      expect((await fake.handlers.get('dial:shortcut-status')?.({ sender: { id: mainWindow?.webContents.id }, senderFrame: frame })) as unknown).toMatchObject({ ok: true, value: { state: 'registered' } });
      fake.clipboardTexts.clipboard = '+33 1 23 45 67 89';
      fake.shortcuts.get('CommandOrControl+Shift+D')?.();
      await expect.poll(() => mainWindow?.webContents.sent.some((s) => s.channel === 'dial:pending-changed' && JSON.stringify(s.payload).includes('+33 1 23 45 67 89'))).toBe(true);
      expect(fake.log.some((l) => l.startsWith('openExternal tel:'))).toBe(false);

      // Quit: the core is stopped (intake closed, history flushed) before the process may end.
      fake.electron.app.emit('before-quit');
      let prevented = false;
      fake.electron.app.emit('will-quit', { preventDefault: () => (prevented = true) });
      expect(prevented).toBe(true);
      expect(fake.shortcuts.size).toBe(0);
      await fake.quitCalled;
    } finally {
      for (const [key, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  }, 60_000);
});
