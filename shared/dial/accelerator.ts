import { fail, ok, type Result } from '../result';

/**
 * The dial shortcut as Electron spells accelerators ("CommandOrControl+Shift+D"), read once for both the
 * desktop's global shortcut and the web page's keyboard shortcut, so both accept and refuse the same texts.
 */
export const DEFAULT_DIAL_SHORTCUT = 'CommandOrControl+Shift+D';

export interface Accelerator {
  /** Normalized text, as handed to Electron. */
  readonly text: string;
  readonly ctrl: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
  readonly meta: boolean;
  /** CommandOrControl: Cmd on macOS, Ctrl elsewhere. */
  readonly cmdOrCtrl: boolean;
  /** The key, upper-case for letters ("D", "F5", "Space"). */
  readonly key: string;
}

const MODIFIERS: Record<string, 'ctrl' | 'alt' | 'shift' | 'meta' | 'cmdOrCtrl'> = {
  commandorcontrol: 'cmdOrCtrl', cmdorctrl: 'cmdOrCtrl', control: 'ctrl', ctrl: 'ctrl', alt: 'alt', option: 'alt', altgr: 'alt',
  shift: 'shift', command: 'meta', cmd: 'meta', super: 'meta', meta: 'meta',
};
const CANONICAL = { cmdOrCtrl: 'CommandOrControl', ctrl: 'Control', alt: 'Alt', shift: 'Shift', meta: 'Super' } as const;
const NAMED_KEYS = new Set(['Space', 'Tab', 'Backspace', 'Delete', 'Insert', 'Home', 'End', 'PageUp', 'PageDown', 'Up', 'Down', 'Left', 'Right', 'Enter', 'Return', 'Esc', 'Escape']);

/** "CommandOrControl+Shift+D" → its parts; a key alone (it would swallow typing everywhere) is refused. */
export function parseAccelerator(input: string): Result<Accelerator> {
  const text = input.trim();
  if (text === '' || text.length > 60) return fail('shortcut.invalid', 'The shortcut is empty or too long');
  const parts = text.split('+').map((p) => p.trim());
  const keyPart = parts.pop() ?? '';
  const flags = { ctrl: false, alt: false, shift: false, meta: false, cmdOrCtrl: false };
  for (const part of parts) {
    const modifier = MODIFIERS[part.toLowerCase()];
    if (!modifier) return fail('shortcut.invalid', `"${part}" is not a modifier (CommandOrControl, Control, Alt, Shift, Super)`);
    flags[modifier] = true;
  }
  const key = /^[a-z0-9]$/i.test(keyPart) ? keyPart.toUpperCase() : /^F([1-9]|1\d|2[0-4])$/i.test(keyPart) ? keyPart.toUpperCase() : [...NAMED_KEYS].find((k) => k.toLowerCase() === keyPart.toLowerCase());
  if (!key) return fail('shortcut.invalid', `"${keyPart}" is not a key a shortcut can use (a letter, a digit, F1–F24, Space, arrows…)`);
  if (!flags.ctrl && !flags.alt && !flags.meta && !flags.cmdOrCtrl && !/^F\d+$/.test(key)) {
    return fail('shortcut.invalid', 'A shortcut needs CommandOrControl, Control, Alt or Super (or a function key), or it would catch ordinary typing');
  }
  const mods = (Object.keys(CANONICAL) as (keyof typeof CANONICAL)[]).filter((m) => flags[m]).map((m) => CANONICAL[m]);
  return ok({ text: [...mods, key].join('+'), ...flags, key });
}

/** The fields of a DOM KeyboardEvent the page's shortcut reads. */
export interface KeyPress {
  readonly key: string;
  readonly code?: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  readonly metaKey: boolean;
}

/** True when a key press in the page is this shortcut (`mac`: CommandOrControl means Cmd). */
export function matchesKeyPress(acc: Accelerator, press: KeyPress, mac: boolean): boolean {
  const ctrl = acc.ctrl || (acc.cmdOrCtrl && !mac);
  const meta = acc.meta || (acc.cmdOrCtrl && mac);
  if (press.ctrlKey !== ctrl || press.metaKey !== meta || press.altKey !== acc.alt || press.shiftKey !== acc.shift) return false;
  // The code names the physical key: Shift+D gives key "D", Alt+D may give "∂" on a Mac, code stays "KeyD".
  const fromCode = press.code?.replace(/^Key|^Digit/, '');
  const key = press.key.length === 1 ? press.key.toUpperCase() : press.key;
  const aliases: Record<string, string> = { ' ': 'Space', ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right', Escape: 'Esc', Return: 'Enter' };
  const wanted = aliases[acc.key] ?? acc.key;
  return key === acc.key || (aliases[key] ?? key) === wanted || fromCode === acc.key;
}
