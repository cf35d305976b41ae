import { decideNavigation, decideWindowOpen } from '../core/shell/navigation-policy';

/** What hardening needs of a webContents; Electron's WebContents satisfies it (checked in main.ts). */
export interface GuardedWebContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void; url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Applies the navigation policy to one window: navigations and redirects away from the app page are
 * cancelled, window.open never creates a window (allowed links go to the browser through the external-link policy),
 * and <webview> can never be attached.
 */
export function hardenWebContents(
  contents: GuardedWebContents,
  o: { appEntryUrl: () => string; openLink: (url: string) => void; log: { warn(message: string): void } },
): void {
  const guard = (event: { preventDefault(): void; url: string }): void => {
    const decision = decideNavigation(event.url, o.appEntryUrl());
    if (decision.action === 'allow') return;
    event.preventDefault();
    o.log.warn(decision.reason);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    o.openLink(decision.openExternally);
    return { action: decision.action };
  });
}
