import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { freePort } from '../../e2e/testing/free-port';

/**
 * Issue 11, item 1: when the companion dies, even by SIGKILL (no handler runs), the demo simulator it
 * started must not stay behind, orphaned, on its port. Runs web mode as `npm start -- --web` does.
 */
const START = fileURLToPath(new URL('./start.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SIM_URL = /built-in simulator at http:\/\/127\.0\.0\.1:(\d+)/;

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

it('the demo simulator exits within seconds of the companion being SIGKILLed', { timeout: 90_000 }, async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'cti-orphan-'));
  const child = spawn(process.execPath, ['--import', 'tsx', START, '--web', '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ITOP_URL: '', CTI_PORT: String(await freePort()) },
  });
  try {
    let err = '';
    const simPort = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no simulator line within 60 s:\n${err}`)), 60_000);
      child.stderr.on('data', (c: Buffer) => {
        err += c.toString('utf8');
        const m = SIM_URL.exec(err);
        if (!m?.[1]) return;
        clearTimeout(timer);
        resolve(Number(m[1]));
      });
      child.once('exit', (code) => reject(new Error(`the companion exited (${code}):\n${err}`)));
    });
    await new Promise<void>((resolve) => child.stdout.on('data', (c: Buffer) => c.toString().includes('web mode') && resolve()));
    expect(await portOpen(simPort)).toBe(true);
    child.kill('SIGKILL');
    const deadline = Date.now() + 5_000;
    while ((await portOpen(simPort)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await portOpen(simPort), 'the simulator port closed after the companion was killed').toBe(false);
  } finally {
    child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
});
