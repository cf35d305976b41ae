import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLog } from '../intake/log';
import { BASIC_TEXT_WARNING, createSecretStore } from './secret-store';
import { fakeSafeStorage, type Backend } from './testing/fake-safe-storage';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'secrets-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function setup(o: { backend: Backend; keyring: boolean; platform?: NodeJS.Platform }) {
  const fake = fakeSafeStorage(o);
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const store = createSecretStore({ safeStorage: fake.storage, ready, file: join(dir, 'secrets.json'), platform: o.platform ?? 'linux', log: silentLog, now: () => new Date('2026-01-01T00:00:00Z') });
  return { store, fake, markReady: () => ((fake.state.ready = true), markReady()) };
}

describe('secret store', () => {
  it('never touches safeStorage before the app is ready', async () => {
    const { store, fake, markReady } = setup({ backend: 'gnome_libsecret', keyring: true });
    const saving = store.set('itop.password', 'S3cret!');
    await new Promise((r) => setImmediate(r));
    expect(fake.state.calls).toEqual([]);
    markReady();
    expect(await saving).toEqual({ ok: true, value: undefined });
    expect(await store.get('itop.password')).toEqual({ ok: true, value: 'S3cret!' });
  });

  it('stores only ciphertext, in a 0600 file', async () => {
    const { store, markReady } = setup({ backend: 'kwallet5', keyring: true });
    markReady();
    await store.set('itop.token', 'tok-123456');
    const text = await readFile(join(dir, 'secrets.json'), 'utf8');
    expect(text).not.toContain('tok-123456');
    if (process.platform !== 'win32') expect((await stat(join(dir, 'secrets.json'))).mode & 0o777).toBe(0o600);
    expect(await store.status()).toEqual({ available: true, backend: 'kwallet5' });
  });

  it('removes a secret with an empty value', async () => {
    const { store, markReady } = setup({ backend: 'gnome_libsecret', keyring: true });
    markReady();
    await store.set('itop.password', 'abc12345');
    await store.set('itop.password', '');
    expect(await store.get('itop.password')).toEqual({ ok: true, value: undefined });
  });

  it('on Linux without a keyring (basic_text) still works but carries a visible warning', async () => {
    const { store, markReady } = setup({ backend: 'basic_text', keyring: false });
    markReady();
    expect(await store.status()).toEqual({ available: true, backend: 'basic_text', warning: BASIC_TEXT_WARNING });
    expect((await store.set('itop.password', 'pw-basic')).ok).toBe(true);
    expect(await store.get('itop.password')).toEqual({ ok: true, value: 'pw-basic' });
  });

  it('refuses to save when no encryption exists, instead of writing clear text', async () => {
    const { store, markReady } = setup({ backend: 'unknown', keyring: false, platform: 'win32' });
    markReady();
    const saved = await store.set('itop.password', 'pw');
    expect(saved).toMatchObject({ ok: false, error: { code: 'secret-store-unavailable' } });
    await expect(readFile(join(dir, 'secrets.json'), 'utf8')).rejects.toThrow();
  });

  it('reports a secret it cannot decrypt (keyring changed) and asks to enter it again', async () => {
    const { store, markReady } = setup({ backend: 'gnome_libsecret', keyring: true });
    markReady();
    await writeFile(join(dir, 'secrets.json'), JSON.stringify({ version: 1, secrets: { 'itop.password': Buffer.from('garbage').toString('base64') } }));
    const read = await store.get('itop.password');
    expect(read).toMatchObject({ ok: false, error: { code: 'secret-unreadable' } });
    expect(!read.ok && read.error.message).toMatch(/enter it again/);
  });

  it('moves a corrupt secrets file aside and starts empty', async () => {
    const { store, markReady } = setup({ backend: 'gnome_libsecret', keyring: true });
    markReady();
    await writeFile(join(dir, 'secrets.json'), '{"version":1,"secrets":');
    expect(await store.get('itop.token')).toEqual({ ok: true, value: undefined });
    expect((await readdir(dir)).filter((f) => f.includes('.corrupt-'))).toHaveLength(1);
    expect((await store.set('itop.token', 'new-token')).ok).toBe(true);
  });

  it('keeps concurrent writes of different secrets', async () => {
    const { store, markReady } = setup({ backend: 'gnome_libsecret', keyring: true });
    markReady();
    await Promise.all([store.set('itop.password', 'pw-1234'), store.set('itop.token', 'tk-5678')]);
    expect(await store.get('itop.password')).toEqual({ ok: true, value: 'pw-1234' });
    expect(await store.get('itop.token')).toEqual({ ok: true, value: 'tk-5678' });
  });
});
