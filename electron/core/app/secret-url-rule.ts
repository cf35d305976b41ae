/**
 * Secrets never follow a URL: the saved iTop password and token are only ever sent to the saved iTop URL.
 * A connection test or a settings change that points somewhere else must carry the secret typed again,
 * otherwise any page or local process able to reach the settings could point the app at its own server and
 * collect the stored password. Desktop and web hosts share this rule through the core's settings handlers.
 */

/** Two iTop URLs are the same target when they differ only in case of scheme/host, a default port or trailing slashes. */
function sameItopUrl(a: string, b: string): boolean {
  const norm = (value: string): string => {
    const text = value.trim();
    try {
      const url = new URL(text);
      return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}${url.search}`;
    } catch {
      return text.replace(/\/+$/, '');
    }
  };
  return norm(a) === norm(b);
}

export const secretFollowsUrlMessage = (kind: 'password' | 'token', savedUrl: string): string =>
  `The iTop address differs from the saved one: type the ${kind} again to test it. The saved ${kind} is only ever sent to ${savedUrl || 'the saved address'}.`;

/**
 * Which stored secrets a connection test may use: none when the test's URL is not the saved one. Returns
 * the error message when the test relies on a stored secret it may not have.
 */
export function storedSecretsForTest(
  test: { url: string; authMode: 'password' | 'token'; password?: string; token?: string; useStoredSecret?: boolean },
  stored: { url: string; password: string; token: string },
): { password: string; token: string } | { refused: string } {
  const wantsStored = test.useStoredSecret === true;
  const sameTarget = sameItopUrl(test.url, stored.url);
  const needed = test.authMode === 'token' ? test.token : test.password;
  if (wantsStored && !sameTarget && needed === undefined && (test.authMode === 'token' ? stored.token : stored.password) !== '') {
    return { refused: secretFollowsUrlMessage(test.authMode, stored.url) };
  }
  const mayUse = wantsStored && sameTarget;
  return { password: test.password ?? (mayUse ? stored.password : ''), token: test.token ?? (mayUse ? stored.token : '') };
}

/**
 * The itop section to save when the URL changes: secrets that were not typed with the new URL are dropped
 * (the agent types them again), so a saved password never starts going to a new address by itself.
 */
export function secretsAfterUrlChange<T extends { url?: unknown; password?: unknown; token?: unknown }>(
  merged: T,
  patch: { url?: string; password?: string; token?: string } | undefined,
  previousUrl: string,
): T {
  if (patch?.url === undefined || sameItopUrl(patch.url, previousUrl)) return merged;
  return { ...merged, ...(patch.password === undefined ? { password: '' } : {}), ...(patch.token === undefined ? { token: '' } : {}) };
}
