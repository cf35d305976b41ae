import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../../shared/config';
import { createCompanion } from '../app/companion';
import { readSecretsInto } from '../app/secret-port';
import { silentLog } from '../intake/log';
import { rememberingSecrets } from './remembered-secrets';
import { BASIC_TEXT_WARNING, createSecretStore } from './secret-store';
import { fakeSafeStorage } from './testing/fake-safe-storage';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'remembered-secrets-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function desktopStore(backend: 'basic_text' | 'gnome_libsecret', remembered: string[]) {
  const fake = fakeSafeStorage({ backend, keyring: backend !== 'basic_text' });
  fake.state.ready = true;
  const store = createSecretStore({ safeStorage: fake.storage, ready: Promise.resolve(), file: join(dir, 'secrets.json'), platform: 'linux', log: silentLog });
  return rememberingSecrets(store, (s) => void remembered.push(s));
}

describe('the desktop secret store behind the core settings', () => {
  it('on Linux without a keyring (basic_text): stores the password, warns in Settings, keeps config.json clean', async () => {
    const remembered: string[] = [];
    const secrets = desktopStore('basic_text', remembered);
    const { config, issues } = validateConfig({}, { generateToken: () => 'k'.repeat(24) });
    const file = join(dir, 'config.json');
    const core = createCompanion({ config, dataDir: dir, log: silentLog, settings: { file, issues, secrets } });
    const view = await core.handlers['settings:update']({ itop: { user: 'cti', password: 'Pa55word!' } });
    expect(view.secretStorageWarning).toBe(BASIC_TEXT_WARNING);
    expect(await readFile(file, 'utf8')).not.toContain('Pa55word!');
    expect(await readFile(join(dir, 'secrets.json'), 'utf8')).not.toContain('Pa55word!');
    expect(remembered).toEqual(['Pa55word!']); // the log redacts it from now on

    const restarted: string[] = [];
    const read = await readSecretsInto(config, desktopStore('basic_text', restarted));
    expect([read.config.itop.password, restarted]).toEqual(['Pa55word!', ['Pa55word!']]);
  });

  it('with a keyring: no warning, and delete removes the secret', async () => {
    const secrets = desktopStore('gnome_libsecret', []);
    expect((await secrets.set('itop.token', 'tok-1')).ok).toBe(true);
    expect(await secrets.status()).toMatchObject({ available: true });
    expect((await secrets.status()).warning).toBeUndefined();
    expect((await secrets.delete('itop.token')).ok).toBe(true);
    expect(await secrets.get('itop.token')).toEqual({ ok: true, value: undefined });
  });
});
