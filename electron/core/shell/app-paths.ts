import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Every file the main process loads, relative to the app root (`app.getAppPath()`: the project in
 * development, `resources/app.asar` once installed). Resolving from the app root — never from the
 * working directory — is what keeps the paths valid inside app.asar. A test builds the shell and checks
 * each of these exists in the output.
 */
export const APP_LAYOUT = {
  main: 'out/main/main.cjs',
  preload: 'out/main/preload.cjs',
  rendererIndex: 'out/renderer/index.html',
  /** Window / task-bar icon. */
  icon: 'assets/icon-256.png',
  /** Tray: small, the OS scales it (16–24 px on Windows/Linux panels). */
  trayIcon: 'assets/icon-32.png',
} as const;

export type AppPaths = { readonly [K in keyof typeof APP_LAYOUT]: string };

export function resolveAppPaths(appPath: string): AppPaths {
  return {
    main: join(appPath, APP_LAYOUT.main),
    preload: join(appPath, APP_LAYOUT.preload),
    rendererIndex: join(appPath, APP_LAYOUT.rendererIndex),
    icon: join(appPath, APP_LAYOUT.icon),
    trayIcon: join(appPath, APP_LAYOUT.trayIcon),
  };
}

export type RendererEntry = { readonly kind: 'file'; readonly path: string; readonly url: string } | { readonly kind: 'dev-server'; readonly url: string };

/**
 * The built renderer (file://), or — only in an unpackaged app — a Vite dev server on loopback named by
 * ELECTRON_RENDERER_URL. A packaged app never loads anything but its own files.
 */
export function rendererEntry(o: { appPath: string; isPackaged: boolean; devServerUrl: string | undefined }): RendererEntry {
  if (!o.isPackaged && o.devServerUrl) {
    try {
      const url = new URL(o.devServerUrl);
      if (url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1')) return { kind: 'dev-server', url: url.href };
    } catch {
      // fall through to the built files: a malformed variable must not open an arbitrary page
    }
  }
  const path = resolveAppPaths(o.appPath).rendererIndex;
  return { kind: 'file', path, url: pathToFileURL(path).href };
}
