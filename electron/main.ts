/**
 * Composition root of the desktop app: the only file that creates Electron objects. Every decision is
 * in electron/core (tested without Electron); adapters translate. Built to out/main/main.cjs.
 */
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, nativeImage, Notification, safeStorage, screen, session, shell, Tray } from 'electron';
import type { EventChannel, EventPayload } from '../shared/contract/contract';
import type { AppStatus } from '../shared/contract/views';
import { createCompanion } from './core/app/companion';
import { loadConfig } from './core/config/load-config';
import { APP_ID, PRODUCT_NAME } from './core/shell/app-identity';
import { rendererEntry, resolveAppPaths } from './core/shell/app-paths';
import { createExternalLinkPolicy } from './core/shell/external-links';
import { createInvokeRoute } from './core/shell/ipc-router';
import { createSenderGuard } from './core/shell/ipc-sender';
import { createLaunchRouter } from './core/shell/launch-router';
import { loginItemPlan } from './core/shell/login-item';
import { displayUnderCursor } from './core/shell/popup-placement';
import { createRingNotifications } from './core/shell/ring-notice';
import { createRingPopups } from './core/shell/ring-popups';
import { createRotatingLog } from './core/shell/rotating-log';
import { withSecretStorage } from './core/shell/secret-settings';
import { createSecretStore } from './core/shell/secret-store';
import { openShellSettings } from './core/shell/shell-settings-store';
import { systemTimers } from './core/shell/timers';
import { buildTrayModel, type TrayAction } from './core/shell/tray-model';
import { mainWindowOptions, RING_POPUP_SIZE } from './core/shell/window-options';
import { loadRenderer, revealWindow, type AppWindow } from './adapters/app-window';
import { createExternalOpener } from './adapters/external-opener';
import { registerInvokeHandlers, sendEvent } from './adapters/ipc-main';
import { installLaunchHandlers } from './adapters/launch';
import { applyLoginItem } from './adapters/login-item';
import { createRingNotifier } from './adapters/notifications';
import { denyAllPermissions } from './adapters/permissions';
import { registerProtocols } from './adapters/protocols';
import { createPopupWindows } from './adapters/ring-popup-windows';
import { storeOpener, type StoreConstructor } from './adapters/settings-backend';
import { createTrayPresenter } from './adapters/tray';
import { hardenWebContents } from './adapters/web-contents';

// ---- first tick, before `ready`: identity, sandbox, single instance, open-url ----
// A separate profile (e2e specs, a second test agent on one machine); must be set before anything reads it.
const profileDir = process.env['ITOP_CTI_USER_DATA'];
if (profileDir) app.setPath('userData', profileDir);
const secretValues: string[] = [];
const log = createRotatingLog({ dir: app.getPath('logs'), name: 'companion', maxBytes: 1_000_000, keep: 3, now: () => new Date(), secrets: () => secretValues, ...(app.isPackaged ? {} : { echo: (line: string) => console.log(line) }) });
app.setAppUserModelId(APP_ID);
app.enableSandbox();
let mainWindow: BrowserWindow | undefined;
const router = createLaunchRouter(
  {
    onCall: (callId) => focusCall(callId),
    onDial: () => log.warn('dial links are received but not dialled yet: no dialer in the core'),
    onActivate: () => mainWindow && revealWindow(mainWindow),
    onRefused: (error) => log.warn(`launch input refused: ${error.message}`),
  },
  log,
);
const primary = installLaunchHandlers(app, router, process.argv);
let quitting = false;
let stopped = false;

function focusCall(callId: string): void {
  if (!mainWindow) return;
  revealWindow(mainWindow);
  sendEvent(mainWindow.webContents, 'call:focus', { callId }, log);
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const paths = resolveAppPaths(app.getAppPath());
  const entry = rendererEntry({ appPath: app.getAppPath(), isPackaged: app.isPackaged, devServerUrl: process.env['ELECTRON_RENDERER_URL'] });
  denyAllPermissions(session.defaultSession, log);

  // electron-store is ESM-only: import() works from the CommonJS bundle, require() would not.
  const { default: Store } = await import('electron-store');
  const shellSettings = await openShellSettings({ ...storeOpener(Store as unknown as StoreConstructor, { dir: userData, name: 'shell-settings' }), now: () => new Date(), log });
  const secrets = createSecretStore({ safeStorage, ready: app.whenReady(), file: join(userData, 'secrets.json'), platform: process.platform, log });
  const configFile = join(userData, 'config.json');
  const loaded = await loadConfig({ file: configFile, env: process.env });
  const password = await secrets.get('itop.password');
  const token = await secrets.get('itop.token');
  const itop = { ...loaded.config.itop, ...(password.ok && password.value ? { password: password.value } : {}), ...(token.ok && token.value ? { token: token.value } : {}) };
  const config = { ...loaded.config, itop };
  secretValues.push(...[itop.password, itop.token, config.cti.token].filter((s) => s !== ''));

  const openExternal = createExternalOpener(shell, createExternalLinkPolicy(() => ({ itopUrl: config.itop.url })), log);
  const companion = createCompanion({
    config,
    dataDir: userData,
    log,
    settings: { file: configFile, issues: loaded.issues },
    openUrl: async (url) => {
      const opened = await openExternal(url);
      if (!opened.ok) throw new Error(opened.error.message);
    },
  });

  const guard = createSenderGuard({ appEntryUrl: () => entry.url });
  const handlers = withSecretStorage(companion.handlers, { secrets, remember: (secret) => void secretValues.push(secret) });
  registerInvokeHandlers(ipcMain, createInvokeRoute({ handlers: () => handlers, guard, log }));
  const windows = new Set<AppWindow>();
  const adopt = (win: AppWindow): void => {
    windows.add(win);
    guard.trust(win.webContents.id);
    hardenWebContents(win.webContents, { appEntryUrl: () => entry.url, openLink: (url) => void openExternal(url), log });
  };
  const create = (options: Electron.BrowserWindowConstructorOptions): BrowserWindow => new BrowserWindow(options);

  mainWindow = create(mainWindowOptions({ preload: paths.preload, title: PRODUCT_NAME, icon: paths.icon, ...(shellSettings.get().mainWindow ? { bounds: shellSettings.get().mainWindow } : {}) }));
  adopt(mainWindow);
  const main = mainWindow;
  main.once('ready-to-show', () => (process.argv.includes('--hidden') ? undefined : main.show()));
  main.on('close', (event) => {
    if (quitting) return;
    event.preventDefault(); // closing the window keeps the app in the tray: calls must still pop up
    main.hide();
  });
  loadRenderer(main, entry, undefined, log);

  const popupOptions = () => ({ enabled: config.ui.ringPopup, doNotDisturb: shellSettings.get().doNotDisturb, alwaysOnTop: shellSettings.get().popup.alwaysOnTop, autoHideMs: config.ui.autoHideSeconds * 1000 });
  const popups = createRingPopups({
    presenter: createPopupWindows({
      create,
      preload: paths.preload,
      entry,
      title: PRODUCT_NAME,
      log,
      events: {
        created: (_callId, win) => adopt(win),
        interacted: (callId) => popups.interacted(callId),
        closed: (callId, webContentsId) => {
          guard.forget(webContentsId);
          for (const win of windows) if (win.isDestroyed()) windows.delete(win);
          popups.closed(callId);
        },
      },
    }),
    cursorWorkArea: () => (displayUnderCursor(screen.getCursorScreenPoint(), screen.getAllDisplays()) ?? screen.getPrimaryDisplay()).workArea,
    options: popupOptions,
    timers: systemTimers,
    size: RING_POPUP_SIZE,
  });
  const notifications = createRingNotifications({
    notify: createRingNotifier({ create: (o) => new Notification(o), isSupported: () => Notification.isSupported(), focusCall }),
    options: popupOptions,
    timers: systemTimers,
    waitForLookupMs: 1500,
  });

  let status: AppStatus | undefined;
  const tray = new Tray(nativeImage.createFromPath(paths.trayIcon));
  const onTrayAction = (action: TrayAction): void => {
    if (action === 'toggle-dnd') void shellSettings.update({ doNotDisturb: !shellSettings.get().doNotDisturb });
    else if (action === 'show-window' || action === 'open-settings') revealWindow(main);
    else {
      quitting = true;
      app.quit();
    }
  };
  const presentTray = createTrayPresenter(tray, (template) => Menu.buildFromTemplate(template), onTrayAction);
  const renderTray = (): void => presentTray(buildTrayModel({ status, doNotDisturb: shellSettings.get().doNotDisturb }, PRODUCT_NAME));
  shellSettings.onChange(renderTray);
  renderTray();

  companion.onEvent(<E extends EventChannel>(channel: E, payload: EventPayload<E>) => {
    for (const win of windows) if (!win.isDestroyed()) sendEvent(win.webContents, channel, payload, log);
    if (channel === 'calls:changed') {
      const calls = (payload as EventPayload<'calls:changed'>).calls;
      popups.update(calls);
      notifications.update(calls);
    } else if (channel === 'status:changed') {
      status = payload as AppStatus;
      renderTray();
    }
  });

  await companion.start();
  const intake = companion.intakeServer()?.intake;
  if (intake) router.attach(intake);
  const refused = registerProtocols(app, { handleDialLinks: shellSettings.get().handleDialLinks, defaultApp: process.defaultApp === true, execPath: process.execPath, appEntry: process.argv[1] });
  if (refused.length > 0) log.warn(`the OS did not register the app for: ${refused.join(', ')}`);
  const plan = loginItemPlan({ platform: process.platform, enabled: shellSettings.get().startAtLogin, execPath: process.execPath, configHome: app.getPath('appData'), ...(process.env['APPIMAGE'] ? { appImage: process.env['APPIMAGE'] } : {}) });
  await applyLoginItem(app, plan).catch((error: unknown) => log.warn(`start at login not applied: ${(error as Error).message}`));

  app.on('activate', () => revealWindow(main));
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault(); // finish writing history and the log before the process ends
    void companion.stop().finally(() => log.flush()).finally(() => {
      stopped = true;
      app.quit();
    });
  });
}

if (primary) {
  app.on('before-quit', () => {
    quitting = true;
  });
  // The app lives in the tray: closing the last window must not quit it.
  app.on('window-all-closed', () => undefined);
  app.whenReady().then(start).catch((error: unknown) => {
    log.error(`the app could not start: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    void log.flush().finally(() => app.exit(1));
  });
}
