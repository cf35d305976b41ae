import { afterEach, describe, expect, it } from 'vitest';
import { rawHttp, statusOf } from './testing/raw-http';
import { connectBridge, httpRequest, startHarness, TEST_TOKEN, type Harness } from './testing/intake-harness';

/**
 * Issue 11, items 1, 6, 7 and 8 against the intake over real sockets: hostile request targets on raw TCP,
 * call ids carrying controls / bidi / lone surrogates, frames over 1 MiB and invalid UTF-8 (answered, the
 * connection kept), and accented `url_parameters` values (decoded before the placeholder check).
 */
let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('request targets (raw TCP)', () => {
  it.each(['//[', 'http://[', '//a:99999/', '//%zz/', '*', '/call?phone=%'])('GET %s, plain and as a WebSocket upgrade, is answered without a crash', async (target) => {
    h = await startHarness();
    const port = h.port;
    for (const host of [`127.0.0.1:${port}`, 'evil.example']) {
      expect(statusOf(await rawHttp(port, `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`))).toBeGreaterThanOrEqual(200);
      const upgrade = `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`;
      expect(statusOf(await rawHttp(port, upgrade))).toBeGreaterThanOrEqual(400);
    }
    expect((await httpRequest(port, { path: '/call?phone=%2B33123456789' })).status).toBe(200);
  });
});

describe('bridge frames the README promises to answer', () => {
  it('a 2 MiB text frame and an invalid UTF-8 text frame get an error reply; the same connection then works', async () => {
    h = await startHarness();
    const bridge = await connectBridge(`ws://127.0.0.1:${h.port}/cti?token=${TEST_TOKEN}`);
    bridge.socket.send('x'.repeat(2 * 1024 * 1024));
    expect(await bridge.next()).toMatchObject({ error: { code: 'frame-too-large' } });
    bridge.socket.send(Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0xff, 0x22, 0x7d]), { binary: false });
    expect(await bridge.next()).toMatchObject({ error: { code: 'frame-not-utf8' } });
    bridge.socket.send(JSON.stringify({ event: 'ringing', callId: 'after', from: '+33123456789' }));
    expect(await bridge.next()).toMatchObject({ ack: 'after' });
    await bridge.close();
  });
});

describe('call ids get the checks numbers get', () => {
  it.each([
    ['CR/LF/ESC', 'id\r\nINFO forged\u001b[31m'],
    ['bidi override', 'id\u202egnp.exe'],
    ['lone surrogate', 'id\ud800'],
    ['too long', 'x'.repeat(129)],
  ])('a callId with %s is refused on the WebSocket and on POST /events', async (_what, callId) => {
    h = await startHarness();
    const bridge = await connectBridge(`ws://127.0.0.1:${h.port}/cti?token=${TEST_TOKEN}`);
    bridge.socket.send(JSON.stringify({ event: 'ringing', callId, from: '+33123456789' }));
    expect(await bridge.next()).toMatchObject({ error: { code: 'frame-invalid' } });
    await bridge.close();
    const posted = await httpRequest(h.port, {
      method: 'POST',
      path: '/events',
      headers: { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ event: 'ringing', callId, from: '+33123456789' }),
    });
    expect(posted.status).toBe(400);
    expect(h.events).toEqual([]);
  });
});

describe('url_parameters values are decoded before the placeholder check', () => {
  it('an accented e-mail mapped by url_parameters is accepted, decoded; a real placeholder is still refused', async () => {
    h = await startHarness({ urlParameters: { phone: 'phone', mail: 'email' } });
    const ok = await httpRequest(h.port, { path: '/call?phone=%2B33123456789&mail=j%C3%A9r%C3%B4me%40example.fr' });
    expect(ok.status).toBe(200);
    expect(h.events[0]?.attributes).toEqual({ email: 'jérôme@example.fr' });
    const macro = await httpRequest(h.port, { path: '/call?phone=%2B33123456788&mail=%CallerEmail%' });
    expect(macro.status).toBe(400);
  });
});
