/**
 * Where a window of ours may go. The renderer is our own page (file:// in production, the Vite dev
 * server in development); anything else — a link in a ticket description, a redirect — must never load
 * inside a window that has the preload bridge (https://www.electronjs.org/docs/latest/tutorial/security#13-disable-or-limit-navigation).
 */
export type NavigationDecision = { readonly action: 'allow' } | { readonly action: 'block'; readonly reason: string };

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Same page as the app's entry, ignoring the hash (the renderer routes with #…) and the query. */
export function isAppPage(url: string, appEntryUrl: string): boolean {
  const target = parse(url);
  const entry = parse(appEntryUrl);
  if (!target || !entry) return false;
  if (entry.protocol === 'file:') return target.protocol === 'file:' && target.pathname === entry.pathname && target.host === entry.host;
  return target.origin === entry.origin && target.origin !== 'null';
}

/** `will-navigate` / `will-redirect`: only our own page (reloads, hash routes); everything else is blocked. */
export function decideNavigation(url: string, appEntryUrl: string): NavigationDecision {
  if (isAppPage(url, appEntryUrl)) return { action: 'allow' };
  return { action: 'block', reason: `navigation to ${describe(url)} blocked: only the app's own page may load in its windows` };
}

/**
 * `setWindowOpenHandler`: no window.open ever creates an Electron window; the URL is handed to the
 * external-link policy instead (which opens it in the browser when allowed).
 */
export function decideWindowOpen(url: string): { readonly action: 'deny'; readonly openExternally: string } {
  return { action: 'deny', openExternally: url };
}

/** A short, log-safe description of a URL: scheme and host only (query strings may hold numbers/tokens). */
export function describe(url: string): string {
  const parsed = parse(url);
  if (!parsed) return 'an invalid URL';
  return parsed.host ? `${parsed.protocol}//${parsed.host}` : parsed.protocol;
}
