import { describe, expect, it } from 'vitest';
import { DEFAULT_DIAL_SHORTCUT, matchesKeyPress, parseAccelerator } from './accelerator';

const press = (key: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>> = {}, code?: string) => ({ key, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...mods, ...(code ? { code } : {}) });

describe('parseAccelerator', () => {
  it('reads the default and normalizes spellings', () => {
    expect(parseAccelerator(DEFAULT_DIAL_SHORTCUT)).toMatchObject({ ok: true, value: { text: 'CommandOrControl+Shift+D', cmdOrCtrl: true, shift: true, key: 'D' } });
    expect(parseAccelerator(' ctrl + alt + f5 ')).toMatchObject({ ok: true, value: { text: 'Control+Alt+F5' } });
    expect(parseAccelerator('F9')).toMatchObject({ ok: true, value: { text: 'F9' } });
  });
  it.each(['', 'D', 'Shift+D', 'Hyper+D', 'Ctrl+Shift+', 'Ctrl+Shift+DD', 'x'.repeat(61)])('refuses %j with a reason', (text) => {
    const r = parseAccelerator(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('shortcut.invalid');
  });
});

describe('matchesKeyPress', () => {
  const acc = parseAccelerator(DEFAULT_DIAL_SHORTCUT);
  if (!acc.ok) throw new Error('default shortcut');
  it('CommandOrControl is Ctrl off a Mac and Cmd on a Mac', () => {
    expect(matchesKeyPress(acc.value, press('D', { ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(matchesKeyPress(acc.value, press('D', { metaKey: true, shiftKey: true }), false)).toBe(false);
    expect(matchesKeyPress(acc.value, press('D', { metaKey: true, shiftKey: true }), true)).toBe(true);
  });
  it('needs exactly the modifiers, and reads the physical key when the character differs', () => {
    expect(matchesKeyPress(acc.value, press('d', { ctrlKey: true }), false)).toBe(false);
    expect(matchesKeyPress(acc.value, press('D', { ctrlKey: true, shiftKey: true, altKey: true }), false)).toBe(false);
    expect(matchesKeyPress(acc.value, press('Ð', { ctrlKey: true, shiftKey: true }, 'KeyD'), false)).toBe(true);
    expect(matchesKeyPress(acc.value, press('E', { ctrlKey: true, shiftKey: true }, 'KeyE'), false)).toBe(false);
  });
});
