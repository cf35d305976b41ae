import { z } from 'zod';

/**
 * Desktop-only preferences, kept by electron-store in userData/shell-settings.json. Everything about iTop,
 * phone numbers and lists lives in the core's config file; secrets live in the secret store only.
 */
export const SHELL_SETTINGS_VERSION = 3;

const Bounds = z.object({
  x: z.int().optional(),
  y: z.int().optional(),
  width: z.int().min(300).max(20_000),
  height: z.int().min(200).max(20_000),
  maximized: z.boolean(),
});

export const ShellSettings = z.strictObject({
  version: z.literal(SHELL_SETTINGS_VERSION),
  /** Tray toggle: no pop-ups nor notifications; the core still logs every call. */
  doNotDisturb: z.boolean(),
  popup: z.strictObject({ alwaysOnTop: z.boolean() }),
  startAtLogin: z.boolean(),
  /** Also register as the handler of tel: and callto: links (itop-cti: is always registered). */
  handleDialLinks: z.boolean(),
  mainWindow: Bounds.optional(),
});
export type ShellSettings = z.infer<typeof ShellSettings>;

export const SHELL_SETTINGS_DEFAULTS: ShellSettings = Object.freeze({
  version: SHELL_SETTINGS_VERSION,
  doNotDisturb: false,
  popup: Object.freeze({ alwaysOnTop: true }),
  startAtLogin: false,
  handleDialLinks: false,
});

/** What the agent may change (from the tray or the settings view). */
export const ShellSettingsPatch = z.strictObject({
  doNotDisturb: z.boolean().optional(),
  popup: z.strictObject({ alwaysOnTop: z.boolean().optional() }).optional(),
  startAtLogin: z.boolean().optional(),
  handleDialLinks: z.boolean().optional(),
  mainWindow: Bounds.optional(),
});
export type ShellSettingsPatch = z.infer<typeof ShellSettingsPatch>;

export function applyShellPatch(current: ShellSettings, patch: ShellSettingsPatch): ShellSettings {
  return {
    ...current,
    ...(patch.doNotDisturb === undefined ? {} : { doNotDisturb: patch.doNotDisturb }),
    ...(patch.startAtLogin === undefined ? {} : { startAtLogin: patch.startAtLogin }),
    ...(patch.handleDialLinks === undefined ? {} : { handleDialLinks: patch.handleDialLinks }),
    ...(patch.mainWindow === undefined ? {} : { mainWindow: patch.mainWindow }),
    popup: { ...current.popup, ...(patch.popup?.alwaysOnTop === undefined ? {} : { alwaysOnTop: patch.popup.alwaysOnTop }) },
  };
}

/**
 * Keeps every valid value of a file that does not validate as a whole (one bad key never resets the
 * others); what cannot be read is reported and replaced by its default.
 */
export function salvageShellSettings(raw: Record<string, unknown>): { settings: ShellSettings; dropped: string[] } {
  const dropped: string[] = [];
  const pick = <T>(key: string, schema: z.ZodType<T>, value: unknown, fallback: T): T => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    if (value !== undefined) dropped.push(key);
    return fallback;
  };
  const popup = typeof raw['popup'] === 'object' && raw['popup'] !== null ? (raw['popup'] as Record<string, unknown>) : {};
  const bounds = pick('mainWindow', Bounds.optional(), raw['mainWindow'], undefined);
  const settings: ShellSettings = {
    version: SHELL_SETTINGS_VERSION,
    doNotDisturb: pick('doNotDisturb', z.boolean(), raw['doNotDisturb'], SHELL_SETTINGS_DEFAULTS.doNotDisturb),
    popup: { alwaysOnTop: pick('popup.alwaysOnTop', z.boolean(), popup['alwaysOnTop'], SHELL_SETTINGS_DEFAULTS.popup.alwaysOnTop) },
    startAtLogin: pick('startAtLogin', z.boolean(), raw['startAtLogin'], SHELL_SETTINGS_DEFAULTS.startAtLogin),
    handleDialLinks: pick('handleDialLinks', z.boolean(), raw['handleDialLinks'], SHELL_SETTINGS_DEFAULTS.handleDialLinks),
    ...(bounds === undefined ? {} : { mainWindow: bounds }),
  };
  const known = new Set(['version', 'doNotDisturb', 'popup', 'startAtLogin', 'handleDialLinks', 'mainWindow']);
  for (const key of Object.keys(raw)) if (!known.has(key)) dropped.push(key);
  return { settings, dropped };
}
