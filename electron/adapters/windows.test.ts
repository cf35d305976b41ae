import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { describe, expect, it } from 'vitest';
import type { RendererEntry } from '../core/shell/app-paths';
import { hardenWebContents } from './web-contents';
import type { AppWindow } from './app-window';
import { createPopupWindows } from './ring-popup-windows';

const ENTRY: RendererEntry = { kind: 'file', path: '/app/out/renderer/index.html', url: 'file:///app/out/renderer/index.html' };

type Listener = (...args: never[]) => unknown;

/** A BrowserWindow as the adapters see it: records what was called and lets the test fire its events. */
function fakeWindow(options: BrowserWindowConstructorOptions, id: number) {
  const listeners = new Map<string, Listener[]>();
  const calls: string[] = [];
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
  let destroyed = false;
  const add = (event: string, listener: Listener): void => void listeners.set(event, [...(listeners.get(event) ?? []), listener]);
  const win: AppWindow = {
    webContents: {
      id,
      isDestroyed: () => destroyed,
      send: (channel) => void calls.push(`send ${channel}`),
      on: (event: string, listener: Listener) => add(`wc:${event}`, listener),
      setWindowOpenHandler: (handler) => void (openHandler = handler),
    },
    loadFile: async (path, o) => void calls.push(`loadFile ${path} #${o?.hash ?? ''}`),
    loadURL: async (url) => void calls.push(`loadURL ${url}`),
    once: (event: string, listener: Listener) => add(event, listener),
    on: (event: string, listener: Listener) => add(event, listener),
    show: () => void calls.push('show'),
    showInactive: () => void calls.push('showInactive'),
    focus: () => void calls.push('focus'),
    isMinimized: () => false,
    restore: () => undefined,
    isDestroyed: () => destroyed,
    close: () => {
      calls.push('close');
      destroyed = true;
      for (const l of listeners.get('closed') ?? []) (l as () => void)();
    },
    setBounds: (b: Partial<Rectangle>) => void calls.push(`setBounds ${JSON.stringify(b)}`),
    setAlwaysOnTop: (flag, level) => void calls.push(`setAlwaysOnTop ${flag} ${level}`),
  };
  const fire = (event: string, ...args: unknown[]): unknown[] => (listeners.get(event) ?? []).map((l) => (l as (...a: unknown[]) => unknown)(...args));
  return { win, options, calls, fire, openHandler: () => openHandler };
}

describe('web contents hardening', () => {
  function hardened() {
    const w = fakeWindow({}, 1);
    const opened: string[] = [];
    const warnings: string[] = [];
    hardenWebContents(w.win.webContents, { appEntryUrl: () => ENTRY.url, openLink: (u) => void opened.push(u), log: { warn: (m) => void warnings.push(m) } });
    return { ...w, opened, warnings };
  }

  it('cancels navigations and redirects away from the app page', () => {
    const w = hardened();
    for (const event of ['wc:will-navigate', 'wc:will-redirect']) {
      let prevented = 0;
      w.fire(event, { url: 'https://evil.example/', preventDefault: () => prevented++ });
      w.fire(event, { url: `${ENTRY.url}#settings`, preventDefault: () => prevented++ });
      expect(prevented, event).toBe(1);
    }
    expect(w.warnings).toHaveLength(2);
  });

  it('denies every new window and hands its URL to the link opener', () => {
    const w = hardened();
    expect(w.openHandler()?.({ url: 'https://itop.example.com/pages/UI.php' })).toEqual({ action: 'deny' });
    expect(w.opened).toEqual(['https://itop.example.com/pages/UI.php']);
  });

  it('never lets a <webview> attach', () => {
    const w = hardened();
    let prevented = false;
    w.fire('wc:will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });
});

describe('ring pop-up windows', () => {
  function setup() {
    const windows: ReturnType<typeof fakeWindow>[] = [];
    const events: string[] = [];
    const presenter = createPopupWindows({
      create: (options) => {
        const w = fakeWindow(options, 100 + windows.length);
        windows.push(w);
        return w.win;
      },
      preload: '/app/out/main/preload.cjs',
      entry: ENTRY,
      title: 'T',
      log: { warn: () => undefined },
      events: { created: (id, win) => void events.push(`created ${id} ${win.webContents.id}`), interacted: (id) => void events.push(`interacted ${id}`), closed: (id, wc) => void events.push(`closed ${id} ${wc}`) },
    });
    return { presenter, windows, events };
  }
  const bounds = { x: 10, y: 20, width: 380, height: 220 };

  it('creates a frameless window at the given place, loads the call route, and shows it without focus', () => {
    const { presenter, windows, events } = setup();
    presenter.open('call/1', bounds, true);
    const w = windows[0];
    expect(w?.options).toMatchObject({ ...bounds, frame: false, show: false, webPreferences: { sandbox: true, contextIsolation: true, preload: '/app/out/main/preload.cjs' } });
    expect(w?.calls).toContain('loadFile /app/out/renderer/index.html #ring-popup?call=call%2F1');
    expect(w?.calls).toContain('setAlwaysOnTop true screen-saver');
    expect(w?.calls).not.toContain('showInactive');
    w?.fire('ready-to-show');
    expect(w?.calls).toContain('showInactive');
    expect(w?.calls).not.toContain('show');
    expect(w?.calls).not.toContain('focus');
    expect(events).toEqual(['created call/1 100']);
  });

  it('reports focus and moves as interaction, and a closed window once', () => {
    const { presenter, windows, events } = setup();
    presenter.open('c', bounds, false);
    windows[0]?.fire('focus');
    windows[0]?.fire('moved');
    presenter.move('c', { ...bounds, y: 0 });
    presenter.close('c');
    presenter.close('c');
    expect(events).toEqual(['created c 100', 'interacted c', 'interacted c', 'closed c 100']);
    expect(windows[0]?.calls.filter((c) => c === 'close')).toHaveLength(1);
    expect(windows[0]?.calls).not.toContain('setAlwaysOnTop true screen-saver');
  });

  it('loads the dev server route in development', () => {
    const windows: ReturnType<typeof fakeWindow>[] = [];
    const presenter = createPopupWindows({ create: (o) => (windows.push(fakeWindow(o, 1)), (windows[0] as ReturnType<typeof fakeWindow>).win), preload: 'p', entry: { kind: 'dev-server', url: 'http://localhost:5173/' }, title: 'T', log: { warn: () => undefined }, events: { created: () => undefined, interacted: () => undefined, closed: () => undefined } });
    presenter.open('x', bounds, false);
    expect(windows[0]?.calls).toContain('loadURL http://localhost:5173/#ring-popup?call=x');
  });
});
