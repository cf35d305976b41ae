import { describe, it, expect } from 'vitest';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseStartArgs } from './start-args';
import { findElectronRuntime } from './start-electron';

describe('parseStartArgs', () => {
  it('reads flags in both --flag value and --flag=value forms', () => {
    expect(parseStartArgs(['--web', '--port', '0', '--config=/tmp/c.json', '--data-dir', '/tmp/d'])).toEqual({
      ok: true,
      value: { web: true, port: 0, config: '/tmp/c.json', dataDir: '/tmp/d', help: false },
    });
    expect(parseStartArgs([])).toEqual({ ok: true, value: { web: false, help: false } });
  });

  it('refuses bad ports, missing paths and unknown flags with a message naming them', () => {
    expect(parseStartArgs(['--port', '70000'])).toMatchObject({ ok: false, error: { message: expect.stringContaining('--port') } });
    expect(parseStartArgs(['--port'])).toMatchObject({ ok: false });
    expect(parseStartArgs(['--config', '--web'])).toMatchObject({ ok: false, error: { message: '--config needs a path' } });
    expect(parseStartArgs(['--wbe'])).toMatchObject({ ok: false, error: { message: expect.stringContaining('"--wbe"') } });
  });
});

describe('findElectronRuntime', () => {
  it('reports why the desktop app cannot open in this checkout (no binary here)', () => {
    const check = findElectronRuntime(process.cwd());
    expect(check.available).toBe(false);
    if (!check.available) expect(check.reason).toMatch(/binary|shell|not installed/);
  });

  it('finds a runtime when package, binary and built shell all exist', async () => {
    const root = await mkdtemp(join(tmpdir(), 'electron-rt-'));
    const pkg = join(root, 'node_modules', 'electron');
    await mkdir(join(pkg, 'dist'), { recursive: true });
    await writeFile(join(root, 'package.json'), '{}');
    await writeFile(join(pkg, 'package.json'), '{"name":"electron","main":"index.js"}');
    await writeFile(join(pkg, 'path.txt'), 'electron');
    expect(findElectronRuntime(root)).toMatchObject({ available: false, reason: expect.stringContaining('binary is missing') });
    await writeFile(join(pkg, 'dist', 'electron'), '');
    expect(findElectronRuntime(root)).toMatchObject({ available: false, reason: expect.stringContaining('shell is not built') });
    await mkdir(join(root, 'out', 'main'), { recursive: true });
    await writeFile(join(root, 'out', 'main', 'main.cjs'), '');
    expect(findElectronRuntime(root)).toMatchObject({ available: true, runtime: { binary: join(pkg, 'dist', 'electron') } });
    await rm(root, { recursive: true, force: true });
  });
});
