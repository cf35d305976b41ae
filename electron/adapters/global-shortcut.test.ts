import { describe, expect, it } from 'vitest';
import { silentLog } from '../core/intake/log';
import { createDialShortcutAdapter, type ClipboardLike, type GlobalShortcutLike } from './global-shortcut';

/** Electron's globalShortcut as documented: false when taken by another application, throws on a bad accelerator. */
function fakeGlobalShortcut(takenByOthers: string[] = []) {
  const owned = new Map<string, () => void>();
  const calls: string[] = [];
  const globalShortcut: GlobalShortcutLike = {
    register: (accelerator: string, callback: () => void) => {
      calls.push(`register ${accelerator}`);
      if (accelerator === 'Control+F24') throw new TypeError('conversion failure'); // as Electron does for a key it cannot map
      if (takenByOthers.includes(accelerator)) return false;
      owned.set(accelerator, callback);
      return true;
    },
    unregister: (accelerator: string) => {
      calls.push(`unregister ${accelerator}`);
      owned.delete(accelerator);
    },
  };
  return { globalShortcut, owned, calls };
}

function fakeClipboard(texts: { selection?: string; clipboard?: string }) {
  const reads: string[] = [];
  const reader = (type: 'selection' | 'clipboard') => ({
    readText: async () => {
      reads.push(type);
      return (type === 'selection' ? texts.selection : texts.clipboard) ?? '';
    },
  });
  const clipboard: ClipboardLike = { ...reader('clipboard'), selection: reader('selection') };
  return { clipboard, reads };
}

const settings = { shortcut: 'CommandOrControl+Shift+D', shortcutDialsAtOnce: false };

describe('dial shortcut adapter', () => {
  it('registers with Electron, reads the primary selection on Linux, shows the app and hands the text to the core', async () => {
    const { globalShortcut, owned } = fakeGlobalShortcut();
    const { clipboard, reads } = fakeClipboard({ selection: '+33 1 23 45 67 89', clipboard: '06 12 34 56 78' });
    const dialed: string[] = [];
    let revealed = 0;
    const shortcut = createDialShortcutAdapter({ globalShortcut, clipboard, platform: 'linux', dialText: async (t) => void dialed.push(t), reveal: () => void (revealed += 1), log: silentLog });
    expect(shortcut.apply(settings).state).toBe('registered');
    owned.get('CommandOrControl+Shift+D')?.();
    await new Promise((r) => setTimeout(r, 0)); // the clipboard is read asynchronously
    expect(reads).toEqual(['selection']);
    expect(dialed).toEqual(['+33 1 23 45 67 89']);
    expect(revealed).toBe(1);
  });

  it('reads the clipboard on Windows', async () => {
    const { globalShortcut, owned } = fakeGlobalShortcut();
    const { clipboard, reads } = fakeClipboard({ selection: 'ignored', clipboard: '06 12 34 56 78' });
    const dialed: string[] = [];
    createDialShortcutAdapter({ globalShortcut, clipboard, platform: 'win32', dialText: async (t) => void dialed.push(t), reveal: () => undefined, log: silentLog }).apply(settings);
    owned.get('CommandOrControl+Shift+D')?.();
    await new Promise((r) => setTimeout(r, 0)); // the clipboard is read asynchronously
    expect(reads).toEqual(['clipboard']);
    expect(dialed).toEqual(['06 12 34 56 78']);
  });

  it('reports a shortcut another application owns, and never unregisters it', () => {
    const { globalShortcut, calls } = fakeGlobalShortcut(['CommandOrControl+Shift+D']);
    const statuses: string[] = [];
    const shortcut = createDialShortcutAdapter({ globalShortcut, clipboard: fakeClipboard({}).clipboard, platform: 'linux', dialText: async () => undefined, reveal: () => undefined, log: silentLog, onStatus: (s) => void statuses.push(`${s.state}: ${s.message ?? ''}`) });
    shortcut.apply(settings);
    shortcut.dispose();
    expect(statuses).toEqual([expect.stringMatching(/^refused: CommandOrControl\+Shift\+D is already used by another application/)]);
    expect(calls).toEqual(['register CommandOrControl+Shift+D']);
  });

  it('a registration Electron throws on is a refusal, not a crash', () => {
    const { globalShortcut, owned } = fakeGlobalShortcut();
    const shortcut = createDialShortcutAdapter({ globalShortcut, clipboard: fakeClipboard({}).clipboard, platform: 'linux', dialText: async () => undefined, reveal: () => undefined, log: silentLog });
    expect(shortcut.apply({ shortcut: 'Control+F24', shortcutDialsAtOnce: false }).state).toBe('refused');
    expect(owned.size).toBe(0);
  });

  it('unregisters on dispose (quit) and when the shortcut changes', () => {
    const { globalShortcut, owned, calls } = fakeGlobalShortcut();
    const shortcut = createDialShortcutAdapter({ globalShortcut, clipboard: fakeClipboard({}).clipboard, platform: 'darwin', dialText: async () => undefined, reveal: () => undefined, log: silentLog });
    shortcut.apply(settings);
    shortcut.apply({ shortcut: 'Alt+F9', shortcutDialsAtOnce: false });
    shortcut.dispose();
    expect(owned.size).toBe(0);
    expect(calls).toEqual(['register CommandOrControl+Shift+D', 'unregister CommandOrControl+Shift+D', 'register Alt+F9', 'unregister Alt+F9']);
  });
});
