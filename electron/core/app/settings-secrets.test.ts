import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../../shared/config';
import { fail, ok } from '../../../shared/result';
import { loadConfig } from '../config/load-config';
import { silentLog } from '../intake/log';
import { createCompanion } from './companion';
import { readSecretsInto, type SecretName, type SecretStore } from './secret-port';

/** A real, in-memory SecretStore (the desktop's is safeStorage-backed; its own tests cover that part). */
function memoryStore(o: { warning?: string; refuse?: boolean } = {}): SecretStore & { values: Map<SecretName, string> } {
  const values = new Map<SecretName, string>();
  return {
    values,
    status: async () => ({ available: !o.refuse, ...(o.warning ? { warning: o.warning } : {}) }),
    get: async (name) => ok(values.get(name)),
    set: async (name, value) => (o.refuse ? fail('secret-store-unavailable', `The ${name} was not saved: no secret storage`) : (values.set(name, value), ok(undefined))),
    delete: async (name) => (values.delete(name), ok(undefined)),
  };
}

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-secrets-'));
  file = join(dir, 'config.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function start(secrets: SecretStore | undefined) {
  const loaded = await loadConfig({ file, env: {} });
  const running = secrets ? await readSecretsInto(loaded.config, secrets) : { config: loaded.config, problems: [] };
  const core = createCompanion({ config: running.config, dataDir: dir, log: silentLog, settings: { file, issues: loaded.issues, ...(secrets ? { secrets } : {}) } });
  return { core, config: running.config };
}

describe('settings with a SecretStore (desktop)', () => {
  it('stores a typed password and token in the store, never in config.json, and reads them back at start-up', async () => {
    const secrets = memoryStore();
    const { core } = await start(secrets);
    const view = await core.handlers['settings:update']({ itop: { url: 'https://itop.example/', user: 'cti', password: 'Pa55word!', token: 'tok-123456' } });
    expect(view.itop).toMatchObject({ user: 'cti', hasPassword: true, hasToken: true });
    expect(secrets.values.get('itop.password')).toBe('Pa55word!');
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('Pa55word!');
    expect(text).not.toContain('tok-123456');
    expect(JSON.parse(text).itop).toMatchObject({ user: 'cti', password: '', token: '' });

    const again = await start(secrets);
    expect(again.config.itop).toMatchObject({ password: 'Pa55word!', token: 'tok-123456' });
    expect((await again.core.handlers['settings:get']()).itop.hasPassword).toBe(true);
  });

  it("removes a secret when '' is typed, and keeps it when the field is not sent", async () => {
    const secrets = memoryStore();
    const { core } = await start(secrets);
    await core.handlers['settings:update']({ itop: { password: 'pw-1', token: 'tk-1' } });
    await core.handlers['settings:update']({ ui: { language: 'fr' } });
    expect(secrets.values.get('itop.password')).toBe('pw-1');
    const view = await core.handlers['settings:update']({ itop: { token: '' } });
    expect([view.itop.hasToken, secrets.values.has('itop.token'), secrets.values.get('itop.password')]).toEqual([false, false, 'pw-1']);
  });

  it('moves a password found in an old config.json into the store on the next save', async () => {
    await writeFile(file, JSON.stringify({ itop: { url: 'https://itop.example/', user: 'cti', password: 'old-secret' } }));
    const secrets = memoryStore();
    const { core, config } = await start(secrets);
    expect(config.itop.password).toBe('old-secret'); // not lost before the move
    await core.handlers['settings:update']({ ui: { language: 'de' } });
    expect(secrets.values.get('itop.password')).toBe('old-secret');
    expect(await readFile(file, 'utf8')).not.toContain('old-secret');
  });

  it('refuses the whole change when the store cannot keep the secret, and leaves config.json as it was', async () => {
    await writeFile(file, JSON.stringify({ itop: { user: 'before' } }));
    const { core } = await start(memoryStore({ refuse: true }));
    await expect(core.handlers['settings:update']({ itop: { user: 'after', password: 'pw-12345' } })).rejects.toThrow(/not saved/);
    expect(JSON.parse(await readFile(file, 'utf8')).itop.user).toBe('before');
    expect((await core.handlers['settings:get']()).secretStorageWarning).toMatch(/cannot be saved/);
  });

  it("carries the store's warning (Linux basic_text) in the settings view", async () => {
    const { core } = await start(memoryStore({ warning: 'No system keyring' }));
    expect((await core.handlers['settings:get']()).secretStorageWarning).toBe('No system keyring');
    expect((await core.handlers['settings:update']({ ui: { language: 'en' } })).secretStorageWarning).toBe('No system keyring');
  });
});

describe('settings without a SecretStore (web mode, CLI)', () => {
  it('keeps the secrets in config.json as before, and shows no warning', async () => {
    const { core } = await start(undefined);
    const view = await core.handlers['settings:update']({ itop: { password: 'in-the-file' } });
    expect(view.secretStorageWarning).toBeUndefined();
    expect(JSON.parse(await readFile(file, 'utf8')).itop.password).toBe('in-the-file');
  });
});

it('reports a secret the store cannot read instead of failing start-up', async () => {
  const broken: SecretStore = { ...memoryStore(), get: async (name) => fail('secret-unreadable', `The stored ${name} cannot be decrypted`) };
  const { config } = validateConfig({ itop: { password: 'from-env' } }, { generateToken: () => 'k'.repeat(24) });
  const read = await readSecretsInto(config, broken);
  expect(read.config.itop.password).toBe('from-env');
  expect(read.problems).toHaveLength(2);
});
