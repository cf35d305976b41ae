import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { rawHttp, startWebHostHarness, statusOf, type WebHostHarness } from './testing/web-host-harness';

/**
 * Issue 11, items 1, 4 and 5 reproduced over real sockets: request targets that made `new URL()` throw
 * (raw TCP, since no HTTP client sends them), CSRF from a page served by another loopback port, a reused
 * or stale sign-in token, and a session cookie presented to another companion's port.
 */
let h: WebHostHarness;
let clock = 1_000_000;
let neighbour: Server;
let neighbourOrigin = '';

beforeAll(async () => {
  h = await startWebHostHarness({ now: () => clock, tokenTtlMs: 120_000 });
  // The hostile neighbour: any other local server, whose pages the agent's browser may open.
  neighbour = createServer((_req, res) => res.end(`<form action="${h.host.origin}/?link=itop-cti%3A%2F%2Fdial%3Fnumber%3D%2B33123456789"></form>`));
  await new Promise<void>((r) => neighbour.listen(0, '127.0.0.1', r));
  neighbourOrigin = `http://127.0.0.1:${(neighbour.address() as { port: number }).port}`;
});
afterAll(async () => {
  await h.stop();
  await new Promise((r) => neighbour.close(r));
});

const hostHeader = () => `127.0.0.1:${h.host.port}`;
const get = (target: string, headers: Record<string, string> = {}) =>
  rawHttp(h.host.port, `GET ${target} HTTP/1.1\r\nHost: ${hostHeader()}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}Connection: close\r\n\r\n`);
const upgrade = (target: string, headers: Record<string, string>) =>
  rawHttp(
    h.host.port,
    `GET ${target} HTTP/1.1\r\n${Object.entries({ Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}\r\n`,
  );

describe('request targets that used to end the process (raw TCP)', () => {
  const targets = ['//[', 'http://[', '//a:99999/', '//%zz/', '//evil.example/', 'http://127.0.0.1:1/', '*', 'x', '/%', '/?token=%zz'];

  it.each(targets)('GET %s is answered, and the host keeps serving', async (target) => {
    const status = statusOf(await get(target));
    expect([400, 401]).toContain(status);
    expect(statusOf(await get('/', { cookie: await h.signIn() }))).toBe(200);
  });

  it.each(targets)('a WebSocket upgrade to %s, with our Host or a foreign one, is refused without a crash', async (target) => {
    for (const host of [hostHeader(), 'evil.example', '[', '127.0.0.1:99999']) {
      expect(statusOf(await upgrade(target, { Host: host, Origin: h.host.origin }))).toBeGreaterThanOrEqual(400);
    }
    expect(statusOf(await get('/', { cookie: await h.signIn() }))).toBe(200);
  });
});

describe('CSRF from a page of another loopback port', () => {
  it('refuses ?link= sent with the session cookie by the neighbour page (Origin or Sec-Fetch-Site)', async () => {
    const cookie = await h.signIn();
    const link = '/?link=itop-cti%3A%2F%2Fdial%3Fnumber%3D%2B33123456789';
    expect(statusOf(await get(link, { cookie, 'Sec-Fetch-Site': 'same-site', Referer: `${neighbourOrigin}/` }))).toBe(403);
    expect(statusOf(await get(link, { cookie, Origin: neighbourOrigin }))).toBe(403);
    expect(statusOf(await get(link, { cookie, 'Sec-Fetch-Site': 'cross-site' }))).toBe(403);
    expect(h.links).toEqual([]);
    // The agent pasting the link in the signed-in tab still works.
    expect(statusOf(await get(link, { cookie, 'Sec-Fetch-Site': 'none' }))).toBe(303);
    expect(h.links).toEqual(['itop-cti://dial?number=+33123456789']);
  });

  it('refuses the contract socket with the cookie but the neighbour Origin, or same-site fetch metadata', async () => {
    const cookie = await h.signIn();
    expect(statusOf(await upgrade('/contract', { Host: hostHeader(), cookie, Origin: neighbourOrigin }))).toBe(403);
    expect(statusOf(await upgrade('/contract', { Host: hostHeader(), cookie, Origin: h.host.origin, 'Sec-Fetch-Site': 'same-site' }))).toBe(403);
    expect(statusOf(await upgrade('/contract', { Host: hostHeader(), cookie }))).toBe(403);
    const ws = new WebSocket(`ws://${hostHeader()}/contract`, { headers: { cookie, origin: h.host.origin } });
    await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
    ws.close();
  });
});

describe('sign-in tokens and sessions', () => {
  it('a sign-in token works once', async () => {
    const url = new URL(h.host.signInUrl());
    expect(statusOf(await get(url.pathname + url.search))).toBe(303);
    expect(statusOf(await get(url.pathname + url.search))).toBe(401);
  });

  it('a sign-in token expires after its lifetime', async () => {
    const url = new URL(h.host.signInUrl());
    clock += 120_001;
    expect(statusOf(await get(url.pathname + url.search))).toBe(401);
  });

  it('a session cookie opens nothing on another companion’s port, even under this port’s cookie name', async () => {
    const other = await startWebHostHarness();
    try {
      const cookie = await h.signIn();
      const [, value] = cookie.split('=');
      expect(statusOf(await rawHttp(other.host.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${other.host.port}\r\ncookie: ${cookie}\r\nConnection: close\r\n\r\n`))).toBe(401);
      const renamed = `cti_session_${other.host.port}=${value}`;
      expect(statusOf(await rawHttp(other.host.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${other.host.port}\r\ncookie: ${renamed}\r\nConnection: close\r\n\r\n`))).toBe(401);
    } finally {
      await other.stop();
    }
  });
});
