import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileBridgeTokenKeeper, loadConfigKeepingBridgeToken, readOnlyKeeper } from './bridge-token';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cti-token-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const tokenFile = () => join(dir, 'data', 'cti-bridge-token');
const exists = (path: string) => stat(path).then(() => true, () => false);
const tokenIssues = (issues: { path: string; message: string }[]) => issues.filter((i) => i.path === 'cti.token').map((i) => i.message);

describe('a CTI bridge token kept between starts', () => {
  it('is generated once, kept in a 0600 file, and reused by the next start without a warning', async () => {
    const keeper = fileBridgeTokenKeeper(tokenFile());
    const first = await loadConfigKeepingBridgeToken({ env: {} }, keeper);
    expect(first.config.cti.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(tokenIssues(first.issues)).toEqual([expect.stringContaining(`kept in ${tokenFile()}`)]);
    expect((await readFile(tokenFile(), 'utf8')).trim()).toBe(first.config.cti.token);
    if (process.platform !== 'win32') expect((await stat(tokenFile())).mode & 0o777).toBe(0o600);

    const second = await loadConfigKeepingBridgeToken({ env: {} }, keeper);
    expect(second.config.cti.token).toBe(first.config.cti.token);
    expect(tokenIssues(second.issues)).toEqual([]);
  });

  it('never writes anything when the config file or CTI_TOKEN names a token', async () => {
    const file = join(dir, 'config.json');
    await writeFile(file, JSON.stringify({ cti: { token: 'from-the-file-0123456789abcdef' } }));
    const keeper = fileBridgeTokenKeeper(tokenFile());
    expect((await loadConfigKeepingBridgeToken({ file, env: {} }, keeper)).config.cti.token).toBe('from-the-file-0123456789abcdef');
    expect((await loadConfigKeepingBridgeToken({ env: { CTI_TOKEN: 'from-the-env-0123456789abcdef' } }, keeper)).config.cti.token).toBe('from-the-env-0123456789abcdef');
    expect(await exists(tokenFile())).toBe(false);
  });

  it('replaces a kept file that does not hold a token, and says when the file cannot be read', async () => {
    await mkdir(join(dir, 'data'), { recursive: true });
    await writeFile(tokenFile(), 'not a token!\n');
    const replaced = await loadConfigKeepingBridgeToken({ env: {} }, fileBridgeTokenKeeper(tokenFile()));
    expect((await readFile(tokenFile(), 'utf8')).trim()).toBe(replaced.config.cti.token);

    const unreadable = join(dir, 'a-folder');
    await mkdir(unreadable);
    const loaded = await loadConfigKeepingBridgeToken({ env: {} }, fileBridgeTokenKeeper(unreadable));
    expect(loaded.config.cti.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(tokenIssues(loaded.issues)).toEqual([expect.stringContaining(`Cannot read ${unreadable}`), expect.stringContaining('for this start only')]);
  });

  it('read-only (diagnostic commands): uses a kept token, never creates one', async () => {
    const keeper = readOnlyKeeper(fileBridgeTokenKeeper(tokenFile()));
    const loaded = await loadConfigKeepingBridgeToken({ env: {} }, keeper);
    expect(tokenIssues(loaded.issues)).toEqual([expect.stringContaining('for this start only')]);
    expect(await exists(tokenFile())).toBe(false);
    const kept = await loadConfigKeepingBridgeToken({ env: {} }, fileBridgeTokenKeeper(tokenFile()));
    expect((await loadConfigKeepingBridgeToken({ env: {} }, keeper)).config.cti.token).toBe(kept.config.cti.token);
  });
});
