import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { connectBridge, httpRequest, startHarness, TEST_TOKEN, type Harness, type TestBridge } from './testing/intake-harness';

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
