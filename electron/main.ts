/**
 * Composition root of the desktop app: the only file that creates Electron objects. Every decision is
 * in electron/core (tested without Electron); adapters translate. Built to out/main/main.cjs.
 */
import { join } from 'node:path';
import { app, BrowserWindow, clipboard, globalShortcut, ipcMain, Menu, nativeImage, Notification, safeStorage, screen, session, shell, Tray } from 'electron';
import type { EventChannel, EventPayload } from '../shared/contract/contract';
import type { AppStatus } from '../shared/contract/views';
import { demoItopInstalled, startDemoLogin } from './cli/demo-itop';
import { createCompanion, type RunningCompanion } from './core/app/companion';
import { keychainBridgeTokenKeeper, readSecretsInto } from './core/app/secret-port';
import { loadConfigKeepingBridgeToken } from './core/config/bridge-token';
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
import { withDialShortcut } from './core/shell/dial-shortcut';
import { createRotatingLog } from './core/shell/rotating-log';
import { rememberingSecrets } from './core/shell/remembered-secrets';
import { createSecretStore } from './core/shell/secret-store';
import { openShellSettings } from './core/shell/shell-settings-store';
import { systemTimers } from './core/shell/timers';
import { buildTrayModel, type TrayAction } from './core/shell/tray-model';
import { mainWindowOptions, RING_POPUP_SIZE } from './core/shell/window-options';
import { loadRenderer, revealWindow, type AppWindow } from './adapters/app-window';
import { createExternalOpener, throwingOpener } from './adapters/external-opener';
import { createDialShortcutAdapter } from './adapters/global-shortcut';
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
let companion: RunningCompanion | undefined;
const router = createLaunchRouter(
  {
    onCall: (callId) => focusCall(callId),
    // Links from the OS (open-url, argv of a second instance) are 'deep-link': the agent confirms before dialling.
    onDial: (intent) => {
      if (mainWindow) revealWindow(mainWindow);
      void companion?.handleDialIntent(intent, 'deep-link').then((r) => (r.ok ? undefined : log.warn(`dial link not handled: ${r.error.message}`)));
    },
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
  const secrets = rememberingSecrets(createSecretStore({ safeStorage, ready: app.whenReady(), file: join(userData, 'secrets.json'), platform: process.platform, log }), (s) => void secretValues.push(s));
  const configFile = join(userData, 'config.json');
  const loaded = await loadConfigKeepingBridgeToken({ file: configFile, env: process.env }, keychainBridgeTokenKeeper(secrets));
  const withSecrets = await readSecretsInto(loaded.config, secrets);
  for (const problem of withSecrets.problems) log.warn(problem);
  const config = withSecrets.config;
  secretValues.push(...[config.itop.password, config.itop.token, config.cti.token].filter((s) => s !== ''));

  // Two openers: iTop pages only (openUrl), and dialling (tel:/callto:/sip: and the configured dial URL's host),
  // both read from the configuration in use: a new iTop or dial URL saved in the settings applies at once.
  const current = () => companion?.config() ?? config;
  const openItopPage = createExternalOpener(shell, createExternalLinkPolicy(() => ({ itopUrl: current().itop.url })), log);
  const openForDial = createExternalOpener(
    shell,
    createExternalLinkPolicy(() => {
      const dialUrl = current().telephony.ecall_parameters?.url;
      return { itopUrl: '', ...(dialUrl ? { dialUrlTemplate: dialUrl } : {}) };
    }),
    log,
  );
  const core = createCompanion({
    config,
    dataDir: userData,
    log,
    settings: { file: configFile, issues: loaded.issues, secrets },
    showCall: focusCall,
    openUrl: throwingOpener(openItopPage),
    openExternal: throwingOpener(openForDial),
    // A checkout offers the setup's "Try the demo" (installers do not ship the simulator); it exits with the app.
    ...(demoItopInstalled() ? { demo: { start: () => startDemoLogin() } } : {}),
  });
  companion = core;

  // Dial the selected or copied number from any application (registered once the core is started).
  const dialShortcut = createDialShortcutAdapter({
    globalShortcut, clipboard, platform: process.platform, log,
    dialText: (text) => core.handlers['dial:text']({ text }),
    reveal: () => mainWindow && revealWindow(mainWindow),
    onStatus: (s) => (s.state === 'refused' || s.state === 'invalid' ? log.warn(`dial shortcut ${s.state}: ${s.message ?? ''}`) : undefined),
  });
  const handlers = withDialShortcut(core.handlers, dialShortcut);
  const guard = createSenderGuard({ appEntryUrl: () => entry.url });
  registerInvokeHandlers(ipcMain, createInvokeRoute({ handlers: () => handlers, guard, log }));
  const windows = new Set<AppWindow>();
  const adopt = (win: AppWindow): void => {
    windows.add(win);
    guard.trust(win.webContents.id);
    hardenWebContents(win.webContents, { appEntryUrl: () => entry.url, openLink: (url) => void openItopPage(url), log });
  };
  // Every window of ours is created here. The security flags are written out where the window is created (the
  // same values as SECURE_WEB_PREFERENCES, which the options already carry) so static checks such as
  // Electronegativity see them; Auxclick is off so a middle click cannot open a window past the guards.
  const create = (options: Electron.BrowserWindowConstructorOptions): BrowserWindow =>
    new BrowserWindow({
      ...options,
      webPreferences: {
        ...options.webPreferences,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });

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

  let status: AppStatus | undefined;
  const popupOptions = () => ({ enabled: current().ui.ringPopup, doNotDisturb: shellSettings.get().doNotDisturb, alwaysOnTop: shellSettings.get().popup.alwaysOnTop, autoHideMs: current().ui.autoHideSeconds * 1000 });
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
    itop: () => status?.itop,
    timers: systemTimers,
    waitForLookupMs: 1500,
  });

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

  core.onEvent(<E extends EventChannel>(channel: E, payload: EventPayload<E>) => {
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

  await core.start();
  dialShortcut.apply(config.dial);
  const intake = core.intakeServer()?.intake;
  if (intake) router.attach(intake);
  const refused = registerProtocols(app, { handleDialLinks: shellSettings.get().handleDialLinks, defaultApp: process.defaultApp === true, execPath: process.execPath, appEntry: process.argv[1] });
  if (refused.length > 0) log.warn(`the OS did not register the app for: ${refused.join(', ')}`);
  const plan = loginItemPlan({ platform: process.platform, enabled: shellSettings.get().startAtLogin, execPath: process.execPath, configHome: app.getPath('appData'), ...(process.env['APPIMAGE'] ? { appImage: process.env['APPIMAGE'] } : {}) });
  await applyLoginItem(app, plan).catch((error: unknown) => log.warn(`start at login not applied: ${(error as Error).message}`));

  app.on('activate', () => revealWindow(main));
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault(); // finish writing history and the log before the process ends
    dialShortcut.dispose(); // a global shortcut must not outlive the app that answers it
    void core.stop().finally(() => log.flush()).finally(() => {
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
