import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { ContractHandlers, EventChannel, EventPayload } from '../../shared/contract/contract';
import type { Companion, CompanionEventListener } from '../core/app/companion-port';
import { createWebHost, type RunningWebHost } from './web-host';

/** A real Companion assembled from plain handlers: enough core for the host to carry. */
function createTestCompanion() {
  const listeners = new Set<CompanionEventListener>();
  const status = { itop: { state: 'demo' as const, url: 'http://sim' }, bridge: { connected: 0, port: 1 }, index: { persons: 0, numbers: 0, building: false }, outbox: { pending: 0, failed: 0 } };
  const handlers = {
    'app:snapshot': async () => ({ calls: { version: 0, calls: [] }, status, history: [] }),
    'call:simulate': async ({ number }: { number: string }) => ({ callId: `sim:${number}` }),
    'call:dismiss': async () => { throw new Error('no such call'); },
    // Deliberately off-contract, to prove the host validates what it sends.
    'settings:get': async () => ({ itop: 'oops' }),
  } as unknown as ContractHandlers;
  const companion: Companion = {
    handlers,
    onEvent: (l) => (listeners.add(l), () => listeners.delete(l)),
    ingest: () => undefined,
    start: async () => undefined,
    stop: async () => undefined,
  };
  const emit = <E extends EventChannel>(channel: E, payload: EventPayload<E>) => listeners.forEach((l) => l(channel, payload));
  return { companion, emit, status };
}

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
let dir = '';
let host: RunningWebHost;
const test = createTestCompanion();

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function signIn(): Promise<string> {
  const res = await get(`/?token=${new URL(host.signInUrl()).searchParams.get('token')}`);
  const setCookie = res.headers['set-cookie']?.[0] ?? '';
  return setCookie.split(';')[0] ?? '';
}

function openSocket(cookie: string, origin = host.origin): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/contract`, { headers: { cookie, origin } });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => undefined);
  });
}

const call = (ws: WebSocket, frame: unknown) =>
  new Promise<unknown>((resolve) => {
    ws.once('message', (d) => resolve(JSON.parse(String(d))));
    ws.send(JSON.stringify(frame));
  });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'web-host-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>panel</title>');
  await writeFile(join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
  await writeFile(join(dir, '..', 'secret-outside.txt'), 'nope').catch(() => undefined);
  const started = await createWebHost({ companion: test.companion, port: 0, staticDir: dir, log: silent }).start();
  if (!started.ok) throw new Error(started.error.message);
  host = started.value;
});
afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

describe('web host over real HTTP', () => {
  it('exchanges the token for an HttpOnly SameSite=Strict cookie and redirects the token away', async () => {
    const res = await get(`/?token=${new URL(host.url).searchParams.get('token')}`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(res.headers['set-cookie']?.[0]).toMatch(new RegExp(`^cti_session_${host.port}=[\\w-]{20,}; HttpOnly; SameSite=Strict; Path=/$`));
  });

  it('refuses tokenless, wrong-token and wrong-Host requests', async () => {
    expect((await get('/')).status).toBe(401);
    expect((await get('/assets/app-1234.js')).status).toBe(401);
    expect((await get('/?token=guess')).status).toBe(401);
    const cookie = await signIn();
    expect((await get('/', { cookie, host: `evil.example:${host.port}` })).status).toBe(403);
  });

  it('serves the renderer with security headers, never caching index.html, never leaving the root', async () => {
    const cookie = await signIn();
    const index = await get('/', { cookie });
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>panel</title>');
    expect(index.headers['cache-control']).toBe('no-store');
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${host.port}`);
    expect(index.headers['content-security-policy']).not.toContain('unsafe-eval');
    const js = await get('/assets/app-1234.js', { cookie });
    expect(js.headers['content-type']).toContain('text/javascript');
    expect(js.headers['cache-control']).toContain('immutable');
    expect((await get('/settings', { cookie })).body).toContain('panel'); // client route falls back to index
    expect((await get('/../secret-outside.txt', { cookie })).body).not.toBe('nope');
    expect((await get('/%2e%2e/secret-outside.txt', { cookie })).body).not.toBe('nope');
    expect((await get('/..%5Csecret-outside.txt', { cookie })).status).toBe(403);
    expect((await get('/%00index.html', { cookie })).status).toBe(403);
    expect((await get('/missing.js', { cookie })).status).toBe(404);
  });

  it('opens the contract socket only with a session cookie AND its own origin', async () => {
    const cookie = await signIn();
    expect(await openSocket('')).toBe(401);
    expect(await openSocket(`cti_session_${host.port}=forged`)).toBe(401);
    expect(await openSocket(cookie, 'http://evil.example')).toBe(403);
    expect(await openSocket(cookie, `http://localhost:${host.port}`)).toBe(403);
    const ws = await openSocket(cookie);
    expect(ws).toBeInstanceOf(WebSocket);
    (ws as WebSocket).close();
  });

  it('carries invokes with validation both ways and pushes events to every socket', async () => {
    const cookie = await signIn();
    const ws = (await openSocket(cookie)) as WebSocket;
    expect(await call(ws, { id: 1, channel: 'call:simulate', args: [{ number: '+33123' }] })).toEqual({ id: 1, result: { ok: true, value: { callId: 'sim:+33123' } } });
    expect(await call(ws, { id: 2, channel: 'call:simulate', args: [{ number: '' }] })).toMatchObject({ id: 2, result: { ok: false, error: { code: 'bad-args' } } });
    expect(await call(ws, { id: 3, channel: 'shell:exec', args: [] })).toMatchObject({ id: 3, result: { ok: false, error: { code: 'unknown-channel' } } });
    expect(await call(ws, { id: 4, channel: 'call:dismiss', args: [{ callId: 'x' }] })).toEqual({ id: 4, result: { ok: false, error: { code: 'internal', message: 'call:dismiss: no such call' } } });
    expect(await call(ws, { id: 5, channel: 'settings:get', args: [] })).toMatchObject({ id: 5, result: { ok: false, error: { code: 'internal' } } });

    const pushed = new Promise((resolve) => ws.once('message', (d) => resolve(JSON.parse(String(d)))));
    test.emit('status:changed', test.status);
    expect(await pushed).toEqual({ event: 'status:changed', payload: test.status });
    ws.close();
  });
});
