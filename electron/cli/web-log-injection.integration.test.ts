import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { freePort } from '../../e2e/testing/free-port';

/**
 * Issue 11, item 6, end to end: a dial link whose `ticket=` carries CR, LF and ESC reaches web mode as
 * `npm start -- --web` runs it; what the process writes to its log (stderr) shows them as escapes and
 * never starts a forged line or sends a terminal escape sequence.
 */
const START = fileURLToPath(new URL('./start.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const get = (url: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; cookie: string }>((resolve, reject) => {
    const u = new URL(url);
    request({ host: u.hostname, port: u.port, path: `${u.pathname}${u.search}`, headers }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, cookie: (res.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '' });
    })
      .on('error', reject)
      .end();
  });

it('a dial link ticket with CR, LF and ESC is logged escaped by web mode', { timeout: 90_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cti-loginj-'));
  const config = join(dir, 'config.json');
  // An iTop that does not answer: no simulator needed, the link is refused before any lookup matters.
  await writeFile(config, JSON.stringify({ itop: { url: 'http://127.0.0.1:9/', user: 'u', password: 'p', timeoutMs: 500 }, cti: { port: await freePort(), token: 'l'.repeat(32) } }));
  const child = spawn(process.execPath, ['--import', 'tsx', START, '--web', '--port', '0', '--config', config, '--data-dir', join(dir, 'data')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL within 60 s:\n${err}`)), 60_000);
      child.stdout.on('data', (c: Buffer) => {
        const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(c.toString('utf8'));
        if (!m?.[1]) return;
        clearTimeout(timer);
        resolve(m[1]);
      });
    });
    const { cookie } = await get(url);
    const link = encodeURIComponent('itop-cti://dial?number=+33123456789&ticket=R-1%1B[2J%0D%0AERROR FORGED LINE');
    const answered = await get(`${new URL(url).origin}/?link=${link}`, { cookie, 'Sec-Fetch-Site': 'none' });
    expect(answered.status).toBeLessThan(500);
    const deadline = Date.now() + 10_000;
    while (!err.includes('FORGED') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(err).toContain('FORGED LINE');
    expect(err).not.toContain('\u001b');
    expect(err).not.toMatch(/^ERROR FORGED/m);
    expect(err).toMatch(/\\x1b\[2J\\r\\nERROR FORGED LINE/);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await rm(dir, { recursive: true, force: true });
  }
});
