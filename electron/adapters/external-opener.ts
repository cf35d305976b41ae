import type { ExternalLinkPolicy } from '../core/shell/external-links';
import type { Result } from '../../shared/result';

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

/**
 * The ONLY place that calls `shell.openExternal` (the security check enforces it): every address goes
 * through the allow-list first and a refused one is reported, never opened.
 */
export function createExternalOpener(shell: ShellLike, policy: ExternalLinkPolicy, log: { warn(message: string): void }): (url: string) => Promise<Result<void>> {
  return async (url) => {
    const checked = policy(url);
    if (!checked.ok) {
      log.warn(checked.error.message);
      return checked;
    }
    try {
      await shell.openExternal(checked.value);
      return { ok: true, value: undefined };
    } catch (error) {
      const message = `The system could not open the link: ${(error as Error).message}`;
      log.warn(message);
      return { ok: false, error: { code: 'link-open-failed', message } };
    }
  };
}

/** The same opener in the shape the core's ports take (openUrl, openExternal): a refusal throws its reason. */
export function throwingOpener(open: (url: string) => Promise<Result<void>>): (url: string) => Promise<void> {
  return async (url) => {
    const opened = await open(url);
    if (!opened.ok) throw new Error(opened.error.message);
  };
}
