import type { BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';

/**
 * webPreferences for every window that shows our renderer. Each flag is Electron's security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security): the renderer reaches the core only through
 * the preload's contextBridge, never through Node.
 */
export const SECURE_WEB_PREFERENCES = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
} satisfies WebPreferences);

export const MAIN_WINDOW_SIZE = { width: 1120, height: 780, minWidth: 720, minHeight: 480 } as const;
export const RING_POPUP_SIZE = { width: 380, height: 220 } as const;

/** The main window: hidden until `ready-to-show` so the agent never sees a white flash. */
export function mainWindowOptions(o: { preload: string; title: string; icon?: string; bounds?: Partial<Rectangle> }): BrowserWindowConstructorOptions {
  return {
    ...MAIN_WINDOW_SIZE,
    ...(o.bounds ?? {}),
    title: o.title,
    show: false,
    autoHideMenuBar: true,
    ...(o.icon === undefined ? {} : { icon: o.icon }),
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: o.preload },
  };
}

/**
 * The ring pop-up: frameless, never in the task bar, never focused when it appears (the adapter calls
 * `showInactive()`), so an agent typing elsewhere keeps typing. Always-on-top is the agent's choice.
 */
export function ringPopupOptions(o: { preload: string; title: string; bounds: Rectangle; alwaysOnTop: boolean }): BrowserWindowConstructorOptions {
  return {
    ...o.bounds,
    title: o.title,
    show: false,
    frame: false,
    resizable: false,
    movable: true,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    focusable: true,
    alwaysOnTop: o.alwaysOnTop,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: o.preload },
  };
}

/**
 * The renderer route a pop-up loads (`index.html#ring-popup?call=<id>`): the same bundle as the main
 * window, so the same CSP and bridge apply; the renderer shows its compact call card for this hash.
 */
export function ringPopupHash(callId: string): string {
  return `ring-popup?call=${encodeURIComponent(callId)}`;
}

/** Level used with `setAlwaysOnTop(true, level)`: above full-screen apps on macOS, like a phone's ring. */
export const ALWAYS_ON_TOP_LEVEL = 'screen-saver' as const;
