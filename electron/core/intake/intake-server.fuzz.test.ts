import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { connectBridge, httpRequest, startHarness, TEST_TOKEN, type Harness, type TestBridge } from './testing/intake-harness';
import { rawHttp, statusOf } from './testing/raw-http';

let h: Harness;
let bridge: TestBridge;
beforeAll(async () => {
  h = await startHarness();
  bridge = await connectBridge(`ws://127.0.0.1:${h.port}/cti?token=${TEST_TOKEN}`);
});
afterAll(async () => {
  await bridge.close();
  await h.stop();
});

const eventLike = fc.record(
  {
    event: fc.oneof(fc.constantFrom('ringing', 'answered', 'hangup', 'outgoing'), fc.string()),
    callId: fc.string({ maxLength: 250 }),
    from: fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('%CallerNumber%', 'anonymous', '+33 1 23')),
    to: fc.anything(),
    at: fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
  },
  { requiredKeys: [] },
);

describe('fuzzing the bridge WebSocket', () => {
  it('answers every arbitrary frame (text or binary) with an ack or a typed error and keeps the connection', async () => {
    const frame = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 500 }),
      fc.json(),
      eventLike.map((e) => JSON.stringify(e)),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
    );
    await fc.assert(
      fc.asyncProperty(frame, async (data) => {
        bridge.socket.send(data, { binary: Buffer.isBuffer(data) });
        const reply = (await bridge.next()) as Record<string, unknown>;
        if ('ack' in reply) expect(typeof reply.ack).toBe('string');
        else expect(reply).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
      }),
      { numRuns: 300 },
    );
    bridge.socket.send(JSON.stringify({ event: 'hangup', callId: 'still-alive' }));
    expect(await bridge.next()).toMatchObject({ ack: 'still-alive' });
  });
});

describe('fuzzing GET /call', () => {
  it('answers arbitrary query strings with 200 or a 4xx page, never a crash', async () => {
    // Raw bytes as %XX (invalid UTF-8 included), URL punctuation, and well-formed queries.
    const percentBytes = fc.uint8Array({ maxLength: 60 }).map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
    const query = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9%&=+._~!$'()*,;:@/?-]{0,300}$/),
      fc.tuple(fc.constantFrom('phone=', 'name=', 'phone=1&name='), percentBytes).map(([a, b]) => a + b),
      fc.webQueryParameters(),
      fc.tuple(fc.constantFrom('phone=', 'phone=%', 'phone=%C3', 'name=x&phone='), fc.webQueryParameters()).map(([a, b]) => a + b),
    );
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const res = await httpRequest(h.port, { path: `/call?${q}` });
        expect([200, 400, 414]).toContain(res.status);
      }),
      { numRuns: 200 },
    );
  });
});

// Request line and headers, not only bodies (issue 11): raw TCP, since HTTP clients refuse to send most of these.
const targetChar = fc.constantFrom(...'/[]:%?#@&=.;,+*!$\'()~_-abzAZ09\\|{}<>^`"'.split(''), '//', '%zz', '%2F', '%00', 'é', '\u202e', '/call?phone=', '/cti', '/events');
const target = fc.array(targetChar, { maxLength: 40 }).map((parts) => parts.join(''));
const headerValue = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 120 });
const upgradeLines = ['Connection: Upgrade', 'Upgrade: websocket', 'Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=='];

describe('fuzzing request targets and headers', () => {
  it('answers any request target, plain or as an upgrade, and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(target, fc.constantFrom('GET', 'POST', 'PUT'), fc.boolean(), async (t, method, upgrade) => {
        const lines = [`${method} ${t || '/'} HTTP/1.1`, `Host: 127.0.0.1:${h.port}`, `Authorization: Bearer ${TEST_TOKEN}`, 'Content-Length: 0', ...(upgrade ? upgradeLines : ['Connection: close'])];
        const status = statusOf(await rawHttp(h.port, `${lines.join('\r\n')}\r\n\r\n`));
        expect(status).toBeGreaterThanOrEqual(100);
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    expect((await httpRequest(h.port, { path: '/call?phone=%2B33123456789' })).status).toBe(200);
  });

  it('opens the bridge socket only with the token and without Origin, whatever Host, Cookie, Origin and Authorization say', async () => {
    const headers = fc.record({ host: fc.option(headerValue), origin: fc.option(headerValue), cookie: fc.option(headerValue), authorization: fc.option(headerValue) });
    await fc.assert(
      fc.asyncProperty(headers, async (x) => {
        const lines = [
          'GET /cti HTTP/1.1',
          `Host: ${x.host ?? `127.0.0.1:${h.port}`}`,
          ...(x.origin === null ? [] : [`Origin: ${x.origin}`]),
          ...(x.cookie === null ? [] : [`Cookie: ${x.cookie}`]),
          ...(x.authorization === null ? [] : [`Authorization: ${x.authorization}`]),
          ...upgradeLines,
        ];
        const status = statusOf(await rawHttp(h.port, `${lines.join('\r\n')}\r\n\r\n`, 1000));
        expect(status).not.toBe(101); // no fuzzed Authorization equals the token
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
  });
});
