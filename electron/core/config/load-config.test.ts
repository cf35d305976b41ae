import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from './load-config';
import { saveConfig } from './save-config';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cti-config-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fixed = { agentTimeZone: 'Europe/Paris', generateToken: () => 'generated-token-abcdefghijkl', now: () => new Date('2025-01-02T03:04:05.678Z') };

describe('loadConfig', () => {
  it('a missing file gives defaults (no error)', async () => {
    const loaded = await loadConfig({ file: join(dir, 'none.json'), env: {}, ...fixed });
    expect(loaded.source.kind).toBe('missing-file');
    expect(loaded.config.cti.port).toBe(4571);
    expect(loaded.issues.map((i) => i.severity)).toEqual(['warning']); // only "token generated"
  });

  it('reads the example file with no issue at all', async () => {
    const loaded = await loadConfig({ file: new URL('./example.config.json', import.meta.url).pathname, env: {}, ...fixed });
    expect(loaded.source.kind).toBe('file');
    expect(loaded.issues).toEqual([]);
    expect(loaded.config.itop.url).toBe('https://itop.example.com/');
    expect(loaded.config.telephony.ecall_parameters?.actions.map((a) => a.name)).toEqual(['phone', 'mobile_phone']);
    expect(loaded.config.telephony.display_tickets.lists[0]?.['label/FR FR']).toBe("Demandes ouvertes par l'appelant");
  });

  it('invalid JSON: error issue, defaults, a backup copy, and the original untouched', async () => {
    const file = join(dir, 'config.json');
    await writeFile(file, '{ "itop": { "url": "https://x/", } ');
    const loaded = await loadConfig({ file, env: {}, ...fixed });
    const backup = `${file}.corrupt-2025-01-02T03-04-05-678Z`;
    expect(loaded.source).toMatchObject({ kind: 'corrupt-file', backup });
    expect(loaded.config.itop.url).toBe('');
    expect(loaded.issues[0]).toMatchObject({ path: '', severity: 'error', message: expect.stringContaining(backup) });
    expect(await readFile(backup, 'utf8')).toBe('{ "itop": { "url": "https://x/", } ');
    expect(await readFile(file, 'utf8')).toBe('{ "itop": { "url": "https://x/", } ');
    // A second start at the same instant does not overwrite the first backup: it says so instead.
    const again = await loadConfig({ file, env: {}, ...fixed });
    expect(again.source.backup).toBeUndefined();
    expect(again.issues[0]?.message).toMatch(/no copy could be made/);
  });

  it('an unreadable path (a directory) is an error, not a crash', async () => {
    const loaded = await loadConfig({ file: dir, env: {}, ...fixed });
    expect(loaded.source.kind).toBe('unreadable-file');
    expect(loaded.issues[0]?.severity).toBe('error');
  });

  it('environment variables override the file, and bad ones are reported with their name', async () => {
    const file = join(dir, 'config.json');
    await writeFile(file, '\uFEFF' + JSON.stringify({ itop: { url: 'https://file/', user: 'file-user' }, cti: { token: 'file-token-123456789' } }));
    const loaded = await loadConfig({
      file,
      env: { ITOP_URL: 'https://env/', ITOP_TOKEN: 'tok', CTI_TOKEN: 'env-token-0123456789', CTI_PORT: 'abc', ITOP_PASSWORD: '' },
      ...fixed,
    });
    expect(loaded.config.itop).toMatchObject({ url: 'https://env/', user: 'file-user', token: 'tok', auth: 'token' });
    expect(loaded.config.cti).toMatchObject({ token: 'env-token-0123456789', port: 4571 });
    expect(loaded.source.env).toEqual({ ITOP_URL: 'itop.url', ITOP_TOKEN: 'itop.token', CTI_TOKEN: 'cti.token', CTI_PORT: 'cti.port' });
    expect(loaded.issues).toEqual([expect.objectContaining({ path: 'cti.port', severity: 'error', message: expect.stringMatching(/\(value from CTI_PORT\)$/) })]);
    const numeric = await loadConfig({ file, env: { CTI_PORT: '5000' }, ...fixed });
    expect(numeric.config.cti.port).toBe(5000);
  });
});

describe('saveConfig', () => {
  it('writes atomically (no temp file left), 0600, and reads back to the same config', async () => {
    const source = new URL('./example.config.json', import.meta.url).pathname;
    const loaded = await loadConfig({ file: source, env: {}, ...fixed });
    const file = join(dir, 'nested', 'config.json');
    const saved = await saveConfig(file, loaded.config);
    expect(saved.ok).toBe(true);
    expect(await readdir(join(dir, 'nested'))).toEqual(['config.json']);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const back = await loadConfig({ file, env: {}, ...fixed });
    expect(back.issues).toEqual([]);
    expect(back.config).toEqual(loaded.config);
    const json = JSON.parse(await readFile(file, 'utf8')) as { telephony: { caller_information: { display_name: unknown } } };
    expect(json.telephony.caller_information.display_name).toBe('friendlyname, org_name'); // extension form on disk
  });

  it('replaces an existing file and reports a failure as a Result', async () => {
    const file = join(dir, 'config.json');
    await writeFile(file, '{"old": true}');
    const { config } = await loadConfig({ env: {}, ...fixed });
    expect((await saveConfig(file, config)).ok).toBe(true);
    expect(JSON.parse(await readFile(file, 'utf8'))).not.toHaveProperty('old');
    const blocked = await saveConfig(join(file, 'inside-a-file.json'), config);
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.error.code).toBe('config.save_failed');
  });
});
