import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeOpener, type StoreConstructor } from '../../adapters/settings-backend';
import { silentLog } from '../intake/log';
import { SHELL_SETTINGS_DEFAULTS, SHELL_SETTINGS_VERSION, ShellSettings } from './shell-settings';
import { migrateShellSettings } from './shell-settings-migrations';
import { openShellSettings } from './shell-settings-store';

const fixture = async (version: number): Promise<unknown> => JSON.parse(await readFile(new URL(`./__fixtures__/shell-settings.v${version}.json`, import.meta.url), 'utf8'));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shell-settings-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

// The real `conf` (what electron-store extends; electron-store itself needs the Electron runtime).
const open = () => openShellSettings({ ...storeOpener(Conf as unknown as StoreConstructor, { dir, name: 'shell-settings' }), now: () => new Date('2026-01-02T03:04:05.678Z'), log: silentLog });
const file = () => join(dir, 'shell-settings.json');

describe('shell settings migrations', () => {
  it('v1 fixture (no version key) → current', async () => {
    const migrated = migrateShellSettings(await fixture(1));
    expect(migrated.ok && migrated.value.from).toBe(1);
    expect(ShellSettings.parse(migrated.ok && migrated.value.data)).toEqual({
      version: SHELL_SETTINGS_VERSION,
      doNotDisturb: true,
      popup: { alwaysOnTop: false },
      startAtLogin: false,
      handleDialLinks: false,
      mainWindow: { x: 40, y: 30, width: 1280, height: 800, maximized: true },
    });
  });

  it('v2 fixture → current', async () => {
    const migrated = migrateShellSettings(await fixture(2));
    expect(ShellSettings.parse(migrated.ok && migrated.value.data)).toMatchObject({ startAtLogin: true, handleDialLinks: false, mainWindow: { width: 1024 } });
  });

  it('the current fixture is already valid and stays as it is', async () => {
    const migrated = migrateShellSettings(await fixture(SHELL_SETTINGS_VERSION));
    expect(migrated.ok && migrated.value.data).toEqual(await fixture(SHELL_SETTINGS_VERSION));
    expect(ShellSettings.safeParse(migrated.ok && migrated.value.data).success).toBe(true);
  });

  it('refuses non-objects, bad and future versions with a reason', () => {
    expect(migrateShellSettings([1])).toMatchObject({ ok: false, error: { code: 'settings-not-object' } });
    expect(migrateShellSettings({ version: 'two' })).toMatchObject({ ok: false, error: { code: 'settings-bad-version' } });
    expect(migrateShellSettings({ version: SHELL_SETTINGS_VERSION + 1 })).toMatchObject({ ok: false, error: { code: 'settings-newer' } });
  });
});

describe('shell settings store (electron-store file)', () => {
  it('starts with defaults and writes them', async () => {
    const store = await open();
    expect(store.get()).toEqual(SHELL_SETTINGS_DEFAULTS);
    expect(JSON.parse(await readFile(file(), 'utf8'))).toEqual(SHELL_SETTINGS_DEFAULTS);
    expect(store.notes).toEqual([]);
  });

  it('migrates a v1 file on disk and saves the new layout', async () => {
    await writeFile(file(), JSON.stringify(await fixture(1)));
    const store = await open();
    expect(store.get().doNotDisturb).toBe(true);
    expect(JSON.parse(await readFile(file(), 'utf8'))).toMatchObject({ version: SHELL_SETTINGS_VERSION, doNotDisturb: true });
  });

  it('moves an unparseable file aside and uses defaults', async () => {
    await writeFile(file(), '{"doNotDisturb": tru');
    const store = await open();
    expect(store.get()).toEqual(SHELL_SETTINGS_DEFAULTS);
    expect(await readFile(join(dir, 'shell-settings.json.corrupt-2026-01-02T03-04-05-678Z'), 'utf8')).toBe('{"doNotDisturb": tru');
    expect(store.notes[0]).toMatch(/moved to .*corrupt/);
  });

  it('keeps the valid values of an invalid file, backs it up, and says what was dropped', async () => {
    await writeFile(file(), JSON.stringify({ version: 3, doNotDisturb: true, popup: { alwaysOnTop: 'yes' }, startAtLogin: true, handleDialLinks: false, extra: 1 }));
    const store = await open();
    expect(store.get()).toMatchObject({ doNotDisturb: true, startAtLogin: true, popup: { alwaysOnTop: true } });
    expect(store.notes[0]).toMatch(/popup\.alwaysOnTop, extra/);
    expect((await readdir(dir)).some((f) => f.startsWith('shell-settings.json.invalid-'))).toBe(true);
  });

  it('applies and persists a valid change, refuses an invalid one, and tells listeners', async () => {
    const store = await open();
    const seen: boolean[] = [];
    store.onChange((s) => seen.push(s.doNotDisturb));
    expect(store.update({ doNotDisturb: true }).ok).toBe(true);
    expect(store.update({ doNotDisturb: 'yes' })).toMatchObject({ ok: false, error: { code: 'shell-settings-invalid' } });
    expect(store.update({ version: 99 }).ok).toBe(false);
    expect(seen).toEqual([true]);
    expect((await open()).get().doNotDisturb).toBe(true);
  });
});
