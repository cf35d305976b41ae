import type { Rectangle } from 'electron';
import type { RendererEntry } from '../core/shell/app-paths';
import type { PopupPresenter } from '../core/shell/ring-popups';
import { ALWAYS_ON_TOP_LEVEL, ringPopupHash, ringPopupOptions } from '../core/shell/window-options';
import { loadRenderer, type AppWindow, type WindowFactory } from './app-window';

export interface PopupWindowEvents {
  /** A new pop-up window exists (register its webContents as a trusted IPC sender, harden it). */
  created(callId: string, win: AppWindow): void;
  /** Focus or move = the agent interacts with it. */
  interacted(callId: string): void;
  /** The window went away (closed by the agent or the OS). */
  closed(callId: string, webContentsId: number): void;
}

/**
 * The ring pop-up windows behind the PopupPresenter port: one frameless window per call, shown with
 * `showInactive()` once its page is ready, so the agent's typing is never interrupted.
 */
export function createPopupWindows(o: { create: WindowFactory; preload: string; entry: RendererEntry; title: string; events: PopupWindowEvents; log: { warn(message: string): void } }): PopupPresenter {
  const windows = new Map<string, AppWindow>();
  return {
    open(callId: string, bounds: Rectangle, alwaysOnTop: boolean) {
      const win = o.create(ringPopupOptions({ preload: o.preload, title: o.title, bounds, alwaysOnTop }));
      windows.set(callId, win);
      const webContentsId = win.webContents.id;
      o.events.created(callId, win);
      if (alwaysOnTop) win.setAlwaysOnTop(true, ALWAYS_ON_TOP_LEVEL);
      win.once('ready-to-show', () => {
        if (!win.isDestroyed()) win.showInactive();
      });
      win.on('focus', () => o.events.interacted(callId));
      win.on('moved', () => o.events.interacted(callId));
      win.on('closed', () => {
        if (windows.get(callId) === win) windows.delete(callId);
        o.events.closed(callId, webContentsId);
      });
      loadRenderer(win, o.entry, ringPopupHash(callId), o.log);
    },
    move(callId: string, bounds: Rectangle) {
      const win = windows.get(callId);
      if (win && !win.isDestroyed()) win.setBounds(bounds);
    },
    close(callId: string) {
      const win = windows.get(callId);
      windows.delete(callId);
      if (win && !win.isDestroyed()) win.close();
    },
  };
}
