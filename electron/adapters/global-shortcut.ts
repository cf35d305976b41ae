import type { Clipboard, GlobalShortcut } from 'electron';
import type { DialShortcutStatus } from '../../shared/contract/dial';
import type { Log } from '../core/intake/log';
import { createDialShortcut, type DialShortcut, type ReadText, type ShortcutRegistry } from '../core/shell/dial-shortcut';

/** The parts of Electron's globalShortcut and clipboard the dial shortcut uses (typed fakes in tests). */
export type GlobalShortcutLike = Pick<GlobalShortcut, 'register' | 'unregister'>;
/** Electron ≥ 42: `readText()` is asynchronous and Linux's primary selection is the `selection` clipboard. */
export type ClipboardLike = Pick<Clipboard, 'readText'> & { readonly selection?: Pick<Clipboard, 'readText'> | undefined };

/**
 * Electron's globalShortcut as the core's registry: `register` answers false when another application owns the
 * accelerator, and throws on a text it cannot convert (the core validated it; a throw is a refusal too).
 */
export function shortcutRegistry(globalShortcut: GlobalShortcutLike, log: Log): ShortcutRegistry {
  return {
    register(accelerator, onPress) {
      try {
        return globalShortcut.register(accelerator, onPress);
      } catch (error) {
        log.warn('the dial shortcut could not be registered', { accelerator, error: String(error) });
        return false;
      }
    },
    unregister: (accelerator) => globalShortcut.unregister(accelerator),
  };
}

/**
 * clipboard.selection is X11/Wayland's primary selection (undefined elsewhere); an unreadable clipboard reads as
 * empty. https://www.electronjs.org/docs/latest/api/clipboard
 */
export function clipboardReader(clipboard: ClipboardLike, log: Log): ReadText {
  return async (source) => {
    try {
      const from = source === 'selection' ? clipboard.selection : clipboard;
      return from ? await from.readText() : '';
    } catch (error) {
      log.warn('the clipboard could not be read', { source, error: String(error) });
      return '';
    }
  };
}

export interface DialShortcutAdapterDeps {
  readonly globalShortcut: GlobalShortcutLike;
  readonly clipboard: ClipboardLike;
  readonly platform: NodeJS.Platform;
  /** The core's dial:text handler. */
  readonly dialText: (text: string) => Promise<unknown>;
  /** Shows the app after a press, so the pending dial (or why nothing was queued) is in front of the agent. */
  readonly reveal: () => void;
  readonly log: Log;
  readonly onStatus?: (status: DialShortcutStatus) => void;
}

/** The desktop's dial shortcut: register with `apply`, release with `dispose` on quit. */
export function createDialShortcutAdapter(deps: DialShortcutAdapterDeps): DialShortcut {
  return createDialShortcut({
    registry: shortcutRegistry(deps.globalShortcut, deps.log),
    platform: deps.platform,
    read: clipboardReader(deps.clipboard, deps.log),
    dialText: async (text) => {
      deps.reveal();
      return deps.dialText(text);
    },
    onError: (message) => deps.log.warn('dial shortcut: nothing dialed', { reason: message }),
    ...(deps.onStatus ? { onStatus: deps.onStatus } : {}),
  });
}
