import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../../shared/config';
import { createCompanion } from '../app/companion';
import { silentLog } from '../intake/log';
import { withSecretStorage } from './secret-settings';
import { BASIC_TEXT_WARNING, createSecretStore } from './secret-store';
import { fakeSafeStorage, type Backend } from './testing/fake-safe-storage';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'secret-settings-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function setup(backend: Backend, keyring: boolean) {
  const fake = fakeSafeStorage({ backend, keyring });
  fake.state.ready = true;
  const secrets = createSecretStore({ safeStorage: fake.storage, ready: Promise.resolve(), file: join(dir, 'secrets.json'), platform: 'linux', log: silentLog });
  const { config, issues } = validateConfig({}, { generateToken: () => 'k'.repeat(24) });
  const core = createCompanion({ config, dataDir: dir, log: silentLog, settings: { file: join(dir, 'config.json'), issues } });
  const remembered: string[] = [];
  return { handlers: withSecretStorage(core.handlers, { secrets, remember: (s) => void remembered.push(s) }), secrets, remembered };
}

describe('settings with the secret store', () => {
  it('stores a typed password in the secret store and remembers it for log redaction', async () => {
    const { handlers, secrets, remembered } = setup('gnome_libsecret', true);
    const view = await handlers['settings:update']({ itop: { user: 'cti', password: 'Pa55word!' } });
    expect(view.itop.user).toBe('cti');
    expect(view.secretStorageWarning).toBeUndefined();
    expect(await secrets.get('itop.password')).toEqual({ ok: true, value: 'Pa55word!' });
    expect(remembered).toEqual(['Pa55word!']);
    expect(await readFile(join(dir, 'secrets.json'), 'utf8')).not.toContain('Pa55word!');
  });

  it('shows the basic_text warning in the settings view', async () => {
    const { handlers } = setup('basic_text', false);
    expect((await handlers['settings:get']()).secretStorageWarning).toBe(BASIC_TEXT_WARNING);
  });

  it('refuses the change when the password cannot be stored safely', async () => {
    const { handlers } = setup('unknown', false);
    await expect(handlers['settings:update']({ itop: { password: 'pw-12345' } })).rejects.toThrow(/not saved/);
    expect((await handlers['settings:get']()).secretStorageWarning).toMatch(/cannot be saved/);
  });
});
