import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './write-file-atomic';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cti-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates missing folders, replaces the file whole, and leaves no temp file', async () => {
    const file = join(dir, 'a', 'b', 'state.json');
    await writeFileAtomic(file, 'first');
    await writeFileAtomic(file, 'second');
    expect(await readFile(file, 'utf8')).toBe('second');
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['state.json']);
  });

  it('keeps every file private by default (history, outbox: callers\' numbers and names)', async () => {
    const file = join(dir, 'history.json');
    await writeFileAtomic(file, '[]');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('gives secrets mode 0600 from the start', async () => {
    const file = join(dir, 'secret');
    await writeFileAtomic(file, 'token', { mode: 0o600 });
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('on failure throws, keeps the old content and cleans its temp file', async () => {
    const file = join(dir, 'target');
    await mkdir(file); // a folder where the file should go: the rename fails
    await writeFile(join(file, 'inside'), 'old');
    await expect(writeFileAtomic(file, 'new')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['target']);
    expect(await readFile(join(file, 'inside'), 'utf8')).toBe('old');
  });
});
