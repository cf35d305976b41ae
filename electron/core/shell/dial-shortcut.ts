import type { ContractHandlers } from '../../../shared/contract/contract';
import type { DialShortcutStatus } from '../../../shared/contract/dial';
import type { SettingsView } from '../../../shared/contract/settings';
import { parseAccelerator } from '../../../shared/dial/accelerator';

/**
 * The global dial shortcut (issue 17 §1): every decision here, the Electron calls in
 * adapters/global-shortcut.ts. Pressed anywhere, it reads what the agent selected (Linux's primary selection,
 * the text highlighted without copying) or else copied, and hands it to the core's `dial:text`, which queues
 * it for confirmation like a link unless the agent opted in to dial at once.
 */

/** Where the text comes from: X11/Wayland's primary selection, or the clipboard. */
export type TextSource = 'selection' | 'clipboard';

/** Only Linux has a primary selection; elsewhere Electron's 'selection' reads nothing useful. */
export const hasPrimarySelection = (platform: NodeJS.Platform): boolean => platform === 'linux';

/** Reads one source's text (Electron ≥ 42's clipboard API is asynchronous); '' when there is nothing. */
export type ReadText = (source: TextSource) => Promise<string>;

/** The selected text where the OS has a selection and something is selected, else the clipboard's text. */
export async function shortcutText(platform: NodeJS.Platform, read: ReadText): Promise<{ text: string; from: TextSource }> {
  if (hasPrimarySelection(platform)) {
    const selected = await read('selection');
    if (selected.trim() !== '') return { text: selected, from: 'selection' };
  }
  return { text: await read('clipboard'), from: 'clipboard' };
}

/** Electron's globalShortcut as the controller needs it; `register` is false when another application owns it. */
export interface ShortcutRegistry {
  register(accelerator: string, onPress: () => void): boolean;
  unregister(accelerator: string): void;
}

export interface DialShortcutDeps {
  readonly registry: ShortcutRegistry;
  readonly platform: NodeJS.Platform;
  readonly read: ReadText;
  /** The core's `dial:text`; its failure (nothing usable selected) is reported, never thrown at the OS. */
  readonly dialText: (text: string) => Promise<unknown>;
  readonly onStatus?: (status: DialShortcutStatus) => void;
  readonly onError?: (message: string) => void;
}

export interface DialShortcut {
  /** (Re)registers for the configured text: the previous shortcut is released first. */
  apply(settings: { shortcut: string; shortcutDialsAtOnce: boolean }): DialShortcutStatus;
  status(): DialShortcutStatus;
  /** Releases the shortcut (quit): a global shortcut outlives nothing but the process, so say so explicitly. */
  dispose(): void;
}

/** The dial shortcut settings of a settings view (what was last saved). */
export const settingsShortcut = (view: SettingsView): { shortcut: string; shortcutDialsAtOnce: boolean } => ({ shortcut: view.dialShortcut.accelerator, shortcutDialsAtOnce: view.dialShortcut.dialsAtOnce });

/** The status where no global registration happens (web mode): the page's own keyboard shortcut. */
export function inPageStatus(settings: { shortcut: string; shortcutDialsAtOnce: boolean }): DialShortcutStatus {
  const dialsAtOnce = settings.shortcutDialsAtOnce;
  if (settings.shortcut.trim() === '') return { accelerator: '', state: 'off', dialsAtOnce };
  const parsed = parseAccelerator(settings.shortcut);
  if (!parsed.ok) return { accelerator: settings.shortcut, state: 'invalid', message: parsed.error.message, dialsAtOnce };
  return { accelerator: parsed.value.text, state: 'in-page', dialsAtOnce };
}

export function createDialShortcut(deps: DialShortcutDeps): DialShortcut {
  let current: DialShortcutStatus = { accelerator: '', state: 'off', dialsAtOnce: false };
  const release = (): void => {
    if (current.state === 'registered') deps.registry.unregister(current.accelerator);
  };
  const pressed = (): void => {
    shortcutText(deps.platform, deps.read)
      .then(({ text }) => deps.dialText(text))
      .catch((error: unknown) => deps.onError?.(error instanceof Error ? error.message : String(error)));
  };
  const publish = (status: DialShortcutStatus): DialShortcutStatus => {
    current = status;
    deps.onStatus?.(status);
    return status;
  };
  return {
    apply(settings) {
      release();
      const wanted = inPageStatus(settings);
      if (wanted.state !== 'in-page') return publish(wanted);
      if (deps.registry.register(wanted.accelerator, pressed)) return publish({ ...wanted, state: 'registered' });
      return publish({
        ...wanted,
        state: 'refused',
        message: `${wanted.accelerator} is already used by another application: choose another shortcut in Settings (it still works inside this window).`,
      });
    },
    status: () => current,
    dispose() {
      release();
      current = { ...current, state: 'off' };
    },
  };
}

/**
 * The desktop's handlers: the shortcut's status is the global registration's, and saving a new shortcut in
 * Settings registers it at once (the old one is released).
 */
export function withDialShortcut(handlers: ContractHandlers, shortcut: DialShortcut): ContractHandlers {
  return {
    ...handlers,
    'dial:shortcut-status': async () => shortcut.status(),
    'settings:update': async (patch) => {
      const view = await handlers['settings:update'](patch);
      if (patch.dialShortcut) shortcut.apply(settingsShortcut(view));
      return view;
    },
  };
}
