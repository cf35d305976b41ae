import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { connectBridge, startHarness, TEST_TOKEN, UpgradeRefused, type Harness, type TestBridge } from './testing/intake-harness';

let h: Harness;
const bridges: TestBridge[] = [];
const url = (query = '') => `ws://127.0.0.1:${h.port}/cti${query}`;
async function bridge(): Promise<TestBridge> {
  const b = await connectBridge(url(), { headers: { Authorization: `Bearer ${TEST_TOKEN}` } });
  bridges.push(b);
  return b;
}

beforeEach(async () => {
  h = await startHarness({ dialTimeoutMs: 200 });
});
afterEach(async () => {
  await Promise.all(bridges.splice(0).map((b) => b.close()));
  await h.stop();
});

describe('bridge WebSocket: who may connect', () => {
  it('accepts the token as Bearer header or ?token=', async () => {
    bridges.push(await connectBridge(url(), { headers: { Authorization: `Bearer ${TEST_TOKEN}` } }));
    bridges.push(await connectBridge(url(`?token=${TEST_TOKEN}`)));
    expect(h.server.bridgeStatus()).toEqual({ connected: 2 });
  });

  it.each([
    ['no token', '', {}],
    ['a wrong token', '?token=wrong-token-0123456789', {}],
    ['a wrong Bearer token', '', { headers: { Authorization: 'Bearer nope' } }],
  ])('refuses %s with HTTP 401 at the upgrade', async (_what, query, options) => {
    await expect(connectBridge(url(query), options)).rejects.toEqual(new UpgradeRefused(401));
    expect(h.errors.at(-1)?.code).toMatch(/^token-/);
  });

  it('refuses any request with an Origin header (a web page) with 403, even with the right token', async () => {
    await expect(connectBridge(url(`?token=${TEST_TOKEN}`), { origin: 'https://evil.example' })).rejects.toEqual(new UpgradeRefused(403));
  });

  it('refuses other paths and a non-loopback Host with 404/403', async () => {
    await expect(connectBridge(`ws://127.0.0.1:${h.port}/other?token=${TEST_TOKEN}`)).rejects.toEqual(new UpgradeRefused(404));
    await expect(connectBridge(url(`?token=${TEST_TOKEN}`), { headers: { Host: 'attacker.example' } })).rejects.toEqual(new UpgradeRefused(403));
  });

  it('reports connects and disconnects to status listeners', async () => {
    const seen: number[] = [];
    const unsubscribe = h.server.onBridgeStatus((s) => seen.push(s.connected));
    const b = await bridge();
    await b.close();
    await expect.poll(() => seen).toEqual([1, 0]);
    unsubscribe();
  });
});

describe('bridge WebSocket: frames', () => {
  it('acks a call event and passes it on', async () => {
    const b = await bridge();
    b.socket.send(JSON.stringify({ event: 'ringing', callId: 'c-1', from: '+33 1 23 45 67 89', to: '201', displayName: 'Jane' }));
    expect(await b.next()).toEqual({ ack: 'c-1', event: 'ringing' });
    expect(h.events).toEqual([
      {
        kind: 'ringing', callId: 'c-1', direction: 'inbound', remoteNumber: '+33 1 23 45 67 89', localNumber: '201',
        displayName: 'Jane', at: h.clock.now(), source: 'bridge', withheld: false,
      },
    ]);
  });

  it('answers bad frames with an error naming the problem, and the connection survives', async () => {
    const b = await bridge();
    b.socket.send('not json');
    expect(await b.next()).toMatchObject({ error: { code: 'frame-not-json' }, frame: 'not json' });
    b.socket.send(JSON.stringify({ event: 'ringing', callId: '' }));
    const invalid = (await b.next()) as { error: { code: string; message: string } };
    expect(invalid.error.code).toBe('frame-invalid');
    expect(invalid.error.message).toContain('callId');
    b.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await b.next()).toMatchObject({ error: { code: 'frame-binary' } });
    b.socket.send(JSON.stringify({ event: 'ringing', callId: 'x', from: 'y'.repeat(20_000) }));
    const tooLarge = (await b.next()) as { error: { code: string }; frame: string };
    expect(tooLarge.error.code).toBe('frame-too-large');
    expect(tooLarge.frame.length).toBeLessThanOrEqual(201);
    b.socket.send(JSON.stringify({ event: 'ringing', callId: 'm', from: '%CallerNumber%' }));
    expect(await b.next()).toMatchObject({ error: { code: 'unfilled-macro' } });
    b.socket.send(JSON.stringify({ event: 'hangup', callId: 'ok-after-errors' }));
    expect(await b.next()).toEqual({ ack: 'ok-after-errors', event: 'hangup' });
    expect(h.events.map((e) => e.callId)).toEqual(['ok-after-errors']);
  });

  it('drops a repeated ringing for the same callId but passes later lifecycle events', async () => {
    const b = await bridge();
    for (const event of ['ringing', 'ringing', 'answered', 'hangup']) {
      b.socket.send(JSON.stringify({ event, callId: 'dup', from: '4711' }));
    }
    expect(await b.next()).toEqual({ ack: 'dup', event: 'ringing' });
    expect(await b.next()).toEqual({ ack: 'dup', event: 'ringing', duplicate: true });
    await b.next();
    await b.next();
    expect(h.events.map((e) => e.kind)).toEqual(['ringing', 'answered', 'hangup']);
  });
});

describe('dial commands', () => {
  it('round-trips a dial through a test bridge', async () => {
    const b = await bridge();
    const result = h.server.sendDial({ number: '+33 1 23 45 67 89', dialString: '0033123456789', ticket: 'R-000001' });
    const command = (await b.next()) as { command: string; requestId: string; number: string; dialString: string; ticket: string };
    expect(command).toMatchObject({ command: 'dial', number: '+33 1 23 45 67 89', dialString: '0033123456789', ticket: 'R-000001' });
    b.socket.send(JSON.stringify({ result: 'ok', requestId: command.requestId, message: 'dialing' }));
    expect(await result).toEqual({ ok: true, value: { requestId: command.requestId, message: 'dialing' } });
  });

  it('passes the bridge refusal on as an error', async () => {
    const b = await bridge();
    const result = h.server.sendDial({ number: '1', dialString: '1' });
    const { requestId } = (await b.next()) as { requestId: string };
    b.socket.send(JSON.stringify({ result: 'error', requestId, message: 'line busy' }));
    expect(await result).toMatchObject({ ok: false, error: { code: 'bridge-refused', message: expect.stringContaining('line busy') } });
  });

  it('fails when no bridge is connected, when it does not answer, and for invalid commands', async () => {
    expect(await h.server.sendDial({ number: '1', dialString: '1' })).toMatchObject({ ok: false, error: { code: 'no-bridge' } });
    const b = await bridge();
    const silent = h.server.sendDial({ number: '1', dialString: '1' });
    await b.next();
    expect(await silent).toMatchObject({ ok: false, error: { code: 'bridge-timeout' } });
    expect(await h.server.sendDial({ number: ' ', dialString: '1' })).toMatchObject({ ok: false, error: { code: 'dial-invalid' } });
  });

  it('answers a late or unknown dial result with an error', async () => {
    const b = await bridge();
    b.socket.send(JSON.stringify({ result: 'ok', requestId: 'never-sent' }));
    expect(await b.next()).toMatchObject({ error: { code: 'unknown-request' } });
  });

  it('fails a pending dial when the bridge disconnects', async () => {
    const b = await bridge();
    const result = h.server.sendDial({ number: '1', dialString: '1' });
    await b.next();
    b.socket.terminate();
    expect(await result).toMatchObject({ ok: false, error: { code: 'bridge-disconnected' } });
    expect(b.socket.readyState).not.toBe(WebSocket.OPEN);
  });
});
