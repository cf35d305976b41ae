import type { LaunchRouter } from '../core/shell/launch-router';

/** The part of Electron's `app` the launch wiring uses; `app` itself satisfies it (checked in main.ts). */
export interface LaunchApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'open-url', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
}

/**
 * Must run in the first tick of main, before `ready`: macOS delivers the link that launched the app as
 * an `open-url` event that is lost if nobody listens yet; Windows/Linux start a second process whose
 * argv holds the link, which the single-instance lock turns into `second-instance` here.
 * Returns false when another instance owns the lock (this one then quits at once).
 */
export function installLaunchHandlers(app: LaunchApp, router: LaunchRouter, firstArgv: readonly string[]): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('open-url', (event, url) => {
    event.preventDefault();
    router.openUrl(url);
  });
  app.on('second-instance', (_event, argv) => router.argv(argv, 'second-instance'));
  router.argv(firstArgv, 'first-launch');
  return true;
}
