import { describe, expect, it } from 'vitest';
import { createDialShortcut, inPageStatus, shortcutText, type ShortcutRegistry, type TextSource } from './dial-shortcut';

/** A registry that behaves as Electron's: one owner per accelerator; `taken` ones belong to other applications. */
function registry(taken: string[] = []) {
  const owned = new Map<string, () => void>();
  const calls: string[] = [];
  const reg: ShortcutRegistry = {
    register(accelerator, onPress) {
      calls.push(`register ${accelerator}`);
      if (taken.includes(accelerator) || owned.has(accelerator)) return false;
      owned.set(accelerator, onPress);
      return true;
    },
    unregister(accelerator) {
      calls.push(`unregister ${accelerator}`);
      owned.delete(accelerator);
    },
  };
  return { reg, owned, calls, press: (accelerator: string) => owned.get(accelerator)?.() };
}

const texts = (selection: string, clipboard: string) => async (source: TextSource) => (source === 'selection' ? selection : clipboard);

describe('shortcutText', () => {
  it('Linux: the primary selection first, the clipboard when nothing is selected', async () => {
    await expect(shortcutText('linux', texts('01 23 45 67 89', '06 12 34 56 78'))).resolves.toEqual({ text: '01 23 45 67 89', from: 'selection' });
    await expect(shortcutText('linux', texts('  \n', '06 12 34 56 78'))).resolves.toEqual({ text: '06 12 34 56 78', from: 'clipboard' });
  });
  it.each(['win32', 'darwin'] as const)('%s has no primary selection: the clipboard only', async (platform) => {
    await expect(shortcutText(platform, texts('01 23 45 67 89', '06 12 34 56 78'))).resolves.toEqual({ text: '06 12 34 56 78', from: 'clipboard' });
  });
});

describe('the dial shortcut', () => {
  const settings = { shortcut: 'CommandOrControl+Shift+D', shortcutDialsAtOnce: false };

  it('registers the configured shortcut; a press dials the selected text', async () => {
    const { reg, press } = registry();
    const dialed: string[] = [];
    const shortcut = createDialShortcut({ registry: reg, platform: 'linux', read: texts('+33 1 23 45 67 89', 'clip'), dialText: async (t) => void dialed.push(t) });
    expect(shortcut.apply(settings)).toEqual({ accelerator: 'CommandOrControl+Shift+D', state: 'registered', dialsAtOnce: false });
    press('CommandOrControl+Shift+D');
    await new Promise((r) => setTimeout(r, 0)); // the clipboard is read asynchronously
    expect(dialed).toEqual(['+33 1 23 45 67 89']);
  });

  it('is refused with a clear message when another application owns it', () => {
    const { reg } = registry(['CommandOrControl+Shift+D']);
    const statuses: unknown[] = [];
    const shortcut = createDialShortcut({ registry: reg, platform: 'win32', read: texts('', ''), dialText: async () => undefined, onStatus: (s) => void statuses.push(s) });
    const status = shortcut.apply(settings);
    expect(status).toMatchObject({ state: 'refused', accelerator: 'CommandOrControl+Shift+D', message: expect.stringMatching(/already used by another application/) });
    expect(statuses).toEqual([status]);
  });

  it('a new shortcut releases the old one; an invalid or empty one registers nothing', () => {
    const { reg, owned, calls } = registry();
    const shortcut = createDialShortcut({ registry: reg, platform: 'linux', read: texts('', ''), dialText: async () => undefined });
    shortcut.apply(settings);
    expect(shortcut.apply({ shortcut: 'Alt+F9', shortcutDialsAtOnce: true })).toMatchObject({ state: 'registered', accelerator: 'Alt+F9', dialsAtOnce: true });
    expect([...owned.keys()]).toEqual(['Alt+F9']);
    expect(shortcut.apply({ shortcut: 'D', shortcutDialsAtOnce: false })).toMatchObject({ state: 'invalid', message: expect.stringMatching(/ordinary typing/) });
    expect(owned.size).toBe(0);
    expect(shortcut.apply({ shortcut: '', shortcutDialsAtOnce: false })).toMatchObject({ state: 'off' });
    expect(calls).toEqual(['register CommandOrControl+Shift+D', 'unregister CommandOrControl+Shift+D', 'register Alt+F9', 'unregister Alt+F9']);
  });

  it('dispose releases it; a refused shortcut is never unregistered (it is another application\'s)', () => {
    const mine = registry();
    const shortcut = createDialShortcut({ registry: mine.reg, platform: 'linux', read: texts('', ''), dialText: async () => undefined });
    shortcut.apply(settings);
    shortcut.dispose();
    expect(mine.owned.size).toBe(0);
    const theirs = registry(['CommandOrControl+Shift+D']);
    const refused = createDialShortcut({ registry: theirs.reg, platform: 'linux', read: texts('', ''), dialText: async () => undefined });
    refused.apply(settings);
    refused.dispose();
    expect(theirs.calls).toEqual(['register CommandOrControl+Shift+D']);
  });

  it('a press with nothing usable reports the reason instead of throwing', async () => {
    const { reg, press } = registry();
    const errors: string[] = [];
    const shortcut = createDialShortcut({ registry: reg, platform: 'darwin', read: texts('', ''), dialText: async () => Promise.reject(new Error('Nothing is selected or copied')), onError: (m) => void errors.push(m) });
    shortcut.apply(settings);
    press('CommandOrControl+Shift+D');
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toEqual(['Nothing is selected or copied']);
  });
});

describe('inPageStatus (web mode)', () => {
  it('the page\'s keyboard shortcut, with the same validation', () => {
    expect(inPageStatus({ shortcut: 'ctrl+shift+d', shortcutDialsAtOnce: false })).toEqual({ accelerator: 'Control+Shift+D', state: 'in-page', dialsAtOnce: false });
    expect(inPageStatus({ shortcut: 'Shift+D', shortcutDialsAtOnce: false }).state).toBe('invalid');
  });
});
