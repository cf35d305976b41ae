import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';

type Listener = (...args: never[]) => unknown;

/** Records listeners per event and lets the test fire them (Electron objects are EventEmitters). */
class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  removeListener(event: string, listener: Listener): this {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => unknown)(...args);
  }
}

let nextWebContentsId = 1;

class FakeWebContents extends Emitter {
  readonly id = nextWebContentsId++;
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((d: { url: string }) => unknown) | undefined;
  destroyed = false;
  isDestroyed = (): boolean => this.destroyed;
  send = (channel: string, payload: unknown): void => void this.sent.push({ channel, payload });
  setWindowOpenHandler = (h: (d: { url: string }) => unknown): void => void (this.windowOpenHandler = h);
}

/**
 * A stand-in for the `electron` module, complete enough to run the built main.cjs in plain Node: it
 * records what the main process does (windows, IPC handlers, tray menus, protocol registration) so a
 * test can check the wiring of the real bundle. Behaviour is Electron's documented one, not invented.
 */
export function createFakeElectron(o: { appPath: string; paths: Record<string, string>; lockFree?: boolean; takenShortcuts?: string[] }) {
  const log: string[] = [];
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let protocolsDone: () => void = () => undefined;
  const protocolsRegistered = new Promise<void>((resolve) => (protocolsDone = resolve));
  let quitDone: () => void = () => undefined;
  const quitCalled = new Promise<void>((resolve) => (quitDone = resolve));
  let exitDone: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (exitDone = resolve));
  let isReady = false;

  class App extends Emitter {
    readonly isPackaged = true;
    getPath = (name: string): string => o.paths[name] ?? `${o.paths['userData']}/${name}`;
    getAppPath = (): string => o.appPath;
    setAppUserModelId = (id: string): void => void log.push(`setAppUserModelId ${id}`);
    enableSandbox = (): void => void log.push(`enableSandbox ready=${isReady}`);
    requestSingleInstanceLock = (): boolean => (log.push('requestSingleInstanceLock'), o.lockFree ?? true);
    whenReady = (): Promise<void> => ready;
    quit = (): void => {
      log.push('quit');
      quitDone();
    };
    exit = (code: number): void => {
      log.push(`exit ${code}`);
      exitDone(code);
    };
    setAsDefaultProtocolClient = (scheme: string): boolean => {
      log.push(`setAsDefaultProtocolClient ${scheme}`);
      if (scheme === 'itop-cti') protocolsDone();
      return true;
    };
    removeAsDefaultProtocolClient = (scheme: string): boolean => (log.push(`removeAsDefaultProtocolClient ${scheme}`), true);
    setLoginItemSettings = (s: unknown): void => void log.push(`setLoginItemSettings ${JSON.stringify(s)}`);
    override on(event: string, listener: Listener): this {
      log.push(`app.on ${event} ready=${isReady}`);
      return super.on(event, listener);
    }
  }
  const app = new App();

  class BrowserWindow extends Emitter {
    static readonly all: BrowserWindow[] = [];
    readonly webContents = new FakeWebContents();
    readonly calls: string[] = [];
    destroyed = false;
    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      BrowserWindow.all.push(this);
    }
    loadFile = async (path: string, opts?: { hash?: string }): Promise<void> => void this.calls.push(`loadFile ${path}${opts?.hash ? `#${opts.hash}` : ''}`);
    loadURL = async (url: string): Promise<void> => void this.calls.push(`loadURL ${url}`);
    show = (): void => void this.calls.push('show');
    showInactive = (): void => void this.calls.push('showInactive');
    hide = (): void => void this.calls.push('hide');
    focus = (): void => void this.calls.push('focus');
    isMinimized = (): boolean => false;
    restore = (): void => undefined;
    isDestroyed = (): boolean => this.destroyed;
    close = (): void => {
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.emit('closed');
    };
    setBounds = (b: unknown): void => void this.calls.push(`setBounds ${JSON.stringify(b)}`);
    setAlwaysOnTop = (flag: boolean, level?: string): void => void this.calls.push(`setAlwaysOnTop ${flag} ${level ?? ''}`);
  }

  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain = {
    handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) => void handlers.set(channel, listener),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };

  class Tray {
    static readonly all: Tray[] = [];
    readonly menus: MenuItemConstructorOptions[][] = [];
    tooltip = '';
    constructor(readonly image: unknown) {
      Tray.all.push(this);
    }
    setToolTip = (t: string): void => void (this.tooltip = t);
    setContextMenu = (m: unknown): void => void this.menus.push(m as MenuItemConstructorOptions[]);
  }

  class Notification extends Emitter {
    static readonly shown: { title: string; body: string }[] = [];
    static isSupported = (): boolean => true;
    constructor(readonly options: { title: string; body: string }) {
      super();
    }
    show = (): void => void Notification.shown.push(this.options);
  }

  // globalShortcut: one owner per accelerator, false when taken (`takenShortcuts` stand for other applications).
  const shortcuts = new Map<string, () => void>();
  const globalShortcut = {
    register: (accelerator: string, callback: () => void): boolean => {
      log.push(`globalShortcut.register ${accelerator}`);
      if (o.takenShortcuts?.includes(accelerator) || shortcuts.has(accelerator)) return false;
      shortcuts.set(accelerator, callback);
      return true;
    },
    unregister: (accelerator: string): void => {
      log.push(`globalShortcut.unregister ${accelerator}`);
      shortcuts.delete(accelerator);
    },
  };
  const clipboardTexts = { selection: '', clipboard: '' };
  // Electron ≥ 42: asynchronous readText, Linux's primary selection as `clipboard.selection`.
  const clipboard = { readText: async (): Promise<string> => clipboardTexts.clipboard, selection: { readText: async (): Promise<string> => clipboardTexts.selection } };

  const permission: { request?: unknown; check?: unknown } = {};
  const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
  const electron = {
    app,
    BrowserWindow,
    ipcMain,
    Tray,
    Notification,
    Menu: { buildFromTemplate: (t: MenuItemConstructorOptions[]) => t },
    nativeImage: { createFromPath: (path: string) => ({ path }) },
    safeStorage: {
      isEncryptionAvailable: () => isReady,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      setUsePlainTextEncryption: () => undefined,
      encryptString: (s: string) => Buffer.from(`enc:${s}`),
      decryptString: (b: Buffer) => b.toString().replace(/^enc:/, ''),
    },
    screen: { getCursorScreenPoint: () => ({ x: 100, y: 100 }), getAllDisplays: () => [display], getPrimaryDisplay: () => display },
    session: { defaultSession: { setPermissionRequestHandler: (h: unknown) => void (permission.request = h), setPermissionCheckHandler: (h: unknown) => void (permission.check = h) } },
    shell: { openExternal: async (url: string) => void log.push(`openExternal ${url}`) },
    globalShortcut,
    clipboard,
  };

  return {
    electron,
    log,
    handlers,
    permission,
    windows: BrowserWindow.all,
    trays: Tray.all,
    notifications: Notification.shown,
    protocolsRegistered,
    quitCalled,
    /** Registered global shortcuts → their callbacks (press one to simulate the keys). */
    shortcuts,
    clipboardTexts,
    /** app.exit(code): the main process gave up starting. */
    exited,
    becomeReady: () => {
      isReady = true;
      markReady();
    },
  };
}
