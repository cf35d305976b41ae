import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { validateConfig } from '../../../shared/config';
import { saveConfig } from '../config/save-config';
import { silentLog } from '../intake/log';
import { createCompanion } from './companion';

/**
 * Issue 11, item 3: the stored iTop password and token must never be sent to a URL other than the saved one.
 * A trap server on another loopback port records every byte it receives; the secrets must never arrive.
 */
const PASSWORD = 'Saved-Pa55word-XYZ';
const TOKEN = 'Saved-Token-0123456789';
let trap: Server;
let trapUrl = '';
const received: string[] = [];

beforeAll(async () => {
  trap = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push(`${req.method} ${req.url}\n${JSON.stringify(req.headers)}\n${body}`);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"code":1,"message":"Error: Invalid login"}');
    });
  });
  await new Promise<void>((r) => trap.listen(0, '127.0.0.1', r));
  trapUrl = `http://127.0.0.1:${(trap.address() as { port: number }).port}/`;
});
afterAll(() => new Promise((r) => trap.close(r)));

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'secret-url-'));
  received.length = 0;
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function companionWithSavedSecrets(auth: 'password' | 'token') {
  const { config, issues } = validateConfig(
    { itop: { url: 'https://itop.example.com/', auth, user: 'cti', password: PASSWORD, token: TOKEN, timeoutMs: 2000 }, cti: { token: 'c'.repeat(32) } },
    { agentTimeZone: 'Europe/Paris' },
  );
  const file = join(dir, 'config.json');
  await saveConfig(file, config);
  return createCompanion({ config, dataDir: dir, log: silentLog, settings: { file, issues } });
}

const leaked = () => received.some((r) => r.includes(PASSWORD) || r.includes(TOKEN) || r.includes(Buffer.from(`cti:${PASSWORD}`).toString('base64')) || r.includes(encodeURIComponent(PASSWORD)));

it.each(['password', 'token'] as const)('a connection test to another URL with the stored %s is refused, and nothing reaches the trap', async (authMode) => {
  const core = await companionWithSavedSecrets(authMode);
  const result = await core.handlers['settings:test-connection']({ url: trapUrl, authMode, user: 'cti', useStoredSecret: true });
  expect(result.ok).toBe(false);
  expect(result.message).toContain(`type the ${authMode} again`);
  expect(received).toEqual([]);
});

it('the same URL written differently (case, trailing slash) still uses the stored secret', async () => {
  const core = await companionWithSavedSecrets('password');
  const result = await core.handlers['settings:test-connection']({ url: 'HTTPS://ITOP.example.com', authMode: 'password', user: 'cti', useStoredSecret: true });
  expect(result.message).not.toContain('type the password again');
});

it('a typed secret may go to a new URL: only what was typed arrives, never the stored one', async () => {
  const core = await companionWithSavedSecrets('password');
  await core.handlers['settings:test-connection']({ url: trapUrl, authMode: 'password', user: 'cti', password: 'typed-now', useStoredSecret: true });
  expect(received.length).toBeGreaterThan(0);
  expect(received.join('\n')).toContain('typed-now');
  expect(leaked()).toBe(false);
});

it('saving a new URL without typing the secrets again drops them: the next test cannot carry them to the new URL', async () => {
  const core = await companionWithSavedSecrets('password');
  const view = await core.handlers['settings:update']({ itop: { url: trapUrl } });
  expect(view.itop).toMatchObject({ url: trapUrl, hasPassword: false, hasToken: false });
  await core.handlers['settings:test-connection']({ url: trapUrl, authMode: 'password', user: 'cti', useStoredSecret: true });
  expect(leaked()).toBe(false);
  // With the password typed along with the URL, it is kept.
  const kept = await core.handlers['settings:update']({ itop: { url: 'https://other.example.com/', password: 'new-one' } });
  expect(kept.itop).toMatchObject({ hasPassword: true });
});
