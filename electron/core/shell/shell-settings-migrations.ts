import { fail, ok, type Result } from '../../../shared/result';
import { SHELL_SETTINGS_VERSION } from './shell-settings';

/**
 * Frozen steps from each past file layout to the next. Never edit a step once released: add one.
 * A fixture per past version (__fixtures__/shell-settings.v<N>.json) is migrated in the tests.
 *
 *   v1 (0.0.x): { dnd, popupOnTop, windowBounds: {x,y,w,h}, maximized }   (no `version` key)
 *   v2:         { version: 2, doNotDisturb, popup: { alwaysOnTop }, mainWindow: {x,y,width,height,maximized}, startAtLogin }
 *   v3:         v2 + handleDialLinks (tel:/callto: registration became optional)
 */
type Raw = Record<string, unknown>;

const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

const STEPS: Record<number, (old: Raw) => Raw> = {
  1: (old) => {
    const { dnd, popupOnTop, windowBounds, maximized, ...rest } = old;
    const bounds = isRecord(windowBounds) ? windowBounds : undefined;
    return {
      ...rest,
      version: 2,
      doNotDisturb: dnd,
      popup: { alwaysOnTop: popupOnTop },
      startAtLogin: false,
      ...(bounds ? { mainWindow: { x: bounds['x'], y: bounds['y'], width: bounds['w'], height: bounds['h'], maximized: maximized === true } } : {}),
    };
  },
  2: (old) => ({ ...old, version: 3, handleDialLinks: false }),
};

/** The file's layout version: files from before versioning (v1) have no `version` key. */
export function versionOf(raw: Raw): number | undefined {
  if (!('version' in raw)) return 1;
  const version = raw['version'];
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : undefined;
}

export interface Migrated {
  readonly data: Raw;
  readonly from: number;
}

/** Brings a file of any past version to the current layout (not yet validated: see salvageShellSettings). */
export function migrateShellSettings(raw: unknown): Result<Migrated> {
  if (!isRecord(raw)) return fail('settings-not-object', 'The shell settings file does not hold a JSON object');
  const from = versionOf(raw);
  if (from === undefined) return fail('settings-bad-version', `The shell settings "version" is ${JSON.stringify(raw['version'])}, not a positive integer`);
  if (from > SHELL_SETTINGS_VERSION) {
    return fail('settings-newer', `The shell settings were written by a newer version of the app (layout v${from}; this one knows v${SHELL_SETTINGS_VERSION})`);
  }
  let data = raw;
  for (let v = from; v < SHELL_SETTINGS_VERSION; v += 1) {
    const step = STEPS[v];
    if (!step) return fail('settings-no-migration', `No migration from shell settings v${v}`);
    data = step(data);
  }
  return ok({ data, from });
}
