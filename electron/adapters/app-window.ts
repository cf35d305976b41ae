import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import type { RendererEntry } from '../core/shell/app-paths';
import type { GuardedWebContents } from './web-contents';

/** The BrowserWindow surface the shell uses; Electron's BrowserWindow satisfies it (checked in main.ts). */
export interface AppWindow {
  readonly webContents: GuardedWebContents & { readonly id: number; isDestroyed(): boolean; send(channel: string, payload: unknown): void };
  loadFile(filePath: string, options?: { hash?: string }): Promise<void>;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed' | 'focus' | 'moved', listener: () => void): unknown;
  show(): void;
  showInactive(): void;
  focus(): void;
  isMinimized(): boolean;
  restore(): void;
  isDestroyed(): boolean;
  close(): void;
  setBounds(bounds: Partial<Rectangle>): void;
  setAlwaysOnTop(flag: boolean, level?: 'screen-saver'): void;
}

export type WindowFactory = (options: BrowserWindowConstructorOptions) => AppWindow;

/** Loads our renderer (file:// or the dev server) at an optional hash route; a failed load is logged, not thrown. */
export function loadRenderer(win: AppWindow, entry: RendererEntry, hash: string | undefined, log: { warn(message: string): void }): void {
  const loading = entry.kind === 'file' ? win.loadFile(entry.path, hash === undefined ? {} : { hash }) : win.loadURL(hash === undefined ? entry.url : `${entry.url}#${hash}`);
  loading.catch((error: unknown) => log.warn(`renderer failed to load: ${(error as Error).message}`));
}

/** Shows the main window and brings it to the front (tray, second instance, notification click). */
export function revealWindow(win: AppWindow): void {
  if (win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
