import { afterEach, describe, expect, it } from 'vitest';
import { forwardToRunningInstance } from './forward';
import { httpRequest, startHarness, TEST_TOKEN, type Harness } from './testing/intake-harness';

let h: Harness | undefined;
async function harness(overrides: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  h = await startHarness(overrides);
  return h;
}
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const auth = { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/json' };
const post = (port: number, body: string, headers: Record<string, string> = auth, path = '/events') =>
  httpRequest(port, { method: 'POST', path, headers, body });

describe('POST /events', () => {
  it('accepts one event with the Bearer token and one with ?token=', async () => {
    const { port, events } = await harness();
    const one = await post(port, JSON.stringify({ event: 'ringing', callId: 'h1', from: '+4930123' }));
    expect(one.status).toBe(200);
    expect(JSON.parse(one.body)).toEqual({ ack: 'h1', event: 'ringing' });
    const two = await post(port, JSON.stringify({ event: 'answered', callId: 'h1' }), {}, `/events?token=${TEST_TOKEN}`);
    expect(two.status).toBe(200);
    expect(events.map((e) => [e.kind, e.source])).toEqual([['ringing', 'http-events'], ['answered', 'http-events']]);
  });

  it('accepts an array, processes the valid items and answers 400 naming the invalid one', async () => {
    const { port, events } = await harness();
    const res = await post(port, JSON.stringify([{ event: 'ringing', callId: 'a1', from: '1' }, { event: 'nope', callId: 'a2' }]));
    expect(res.status).toBe(400);
    const body = JSON.parse(res.body) as { results: Array<Record<string, unknown>> };
    expect(body.results[0]).toEqual({ ack: 'a1', event: 'ringing' });
    expect(body.results[1]).toMatchObject({ index: 1, error: { code: 'frame-invalid' } });
    expect(events.map((e) => e.callId)).toEqual(['a1']);
  });

  it('answers 401 without or with a wrong token, 400 for bad JSON, 413 for an oversize body', async () => {
    const { port, events } = await harness();
    expect((await post(port, '{}', { 'Content-Type': 'application/json' })).status).toBe(401);
    expect((await post(port, '{}', { Authorization: 'Bearer wrong' })).status).toBe(401);
    const bad = await post(port, '{nope');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ error: { code: 'body-not-json' } });
    expect((await post(port, 'x'.repeat(70 * 1024))).status).toBe(413);
    expect(events).toEqual([]);
  });

  it('refuses requests made by web pages (Origin) with 403', async () => {
    const { port } = await harness();
    expect((await post(port, '{}', { ...auth, Origin: 'https://evil.example' })).status).toBe(403);
  });

  it('answers 404 for unknown paths and 405 for wrong methods', async () => {
    const { port } = await harness();
    expect((await httpRequest(port, { path: '/' })).status).toBe(404);
    expect((await httpRequest(port, { path: '/events' })).status).toBe(405);
    expect((await httpRequest(port, { method: 'POST', path: '/call' })).status).toBe(405);
  });
});

describe('GET /call (3CX Open contact URL)', () => {
  it('synthesizes a ringing inbound event and answers a self-closing page with a strict CSP', async () => {
    const { port, events } = await harness();
    const res = await httpRequest(port, { path: '/call?phone=+33%201%2023%2045%2067%2089&name=Ren%C3%A9e%20%3Cb%3E' });
    expect(res.status).toBe(200);
    expect(events).toEqual([
      expect.objectContaining({ kind: 'ringing', direction: 'inbound', source: 'url', remoteNumber: '+33 1 23 45 67 89', displayName: 'Renée <b>', withheld: false }),
    ]);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toMatch(/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(res.body).toContain('<script>window.close();</script>');
    expect(res.body).not.toContain('<b>');
  });

  it('maps url_parameters (telephone → phone, mailaddress → email) and errors on a missing one', async () => {
    const { port, events } = await harness({ urlParameters: { telephone: 'phone', mailaddress: 'email' } });
    const okRes = await httpRequest(port, { path: '/call?telephone=0987654321&mailaddress=mymail%40mycompany.com&extra=1' });
    expect(okRes.status).toBe(200);
    expect(events[0]).toMatchObject({ remoteNumber: '0987654321', attributes: { email: 'mymail@mycompany.com' } });
    const missing = await httpRequest(port, { path: '/call?telephone=0987654321' });
    expect(missing.status).toBe(400);
    expect(missing.body).toContain('mailaddress');
    expect(missing.body).not.toContain('<script>');
    expect(events).toHaveLength(1);
  });

  it('refuses an unsubstituted %CallerNumber% with a clear error and NO event', async () => {
    const { port, events, errors } = await harness();
    const res = await httpRequest(port, { path: '/call?phone=%CallerNumber%&name=%CallerDisplayName%' });
    expect(res.status).toBe(400);
    expect(res.body).toContain('%CallerNumber%');
    expect(events).toEqual([]);
    expect(errors).toEqual([expect.objectContaining({ code: 'unfilled-macro', source: 'url' })]);
  });

  it('flags a withheld caller', async () => {
    const { port, events } = await harness();
    expect((await httpRequest(port, { path: '/call?phone=anonymous' })).status).toBe(200);
    expect(events[0]).toMatchObject({ withheld: true, remoteNumber: 'anonymous' });
  });

  it('treats the 3CX double fire as one call, but the same number after the window as a new call', async () => {
    const { port, events, clock } = await harness();
    await httpRequest(port, { path: '/call?phone=%2B4930123456' });
    clock.advance(1000);
    const second = await httpRequest(port, { path: '/call?phone=+49%2030%20123456' });
    expect(second.status).toBe(200);
    expect(second.body).toContain('already shown');
    expect(events).toHaveLength(1);
    clock.advance(5000);
    await httpRequest(port, { path: '/call?phone=+4930123456' });
    expect(events.map((e) => e.callId)).toEqual(['synth-1', 'synth-3']);
  });

  it('refuses requests a web page made: Origin, fetch/img/iframe, and cross-site navigation unless allowed', async () => {
    const { port, events } = await harness();
    const path = '/call?phone=4711';
    expect((await httpRequest(port, { path, headers: { Origin: 'https://evil.example' } })).status).toBe(403);
    expect((await httpRequest(port, { path, headers: { 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Dest': 'image', 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
    expect((await httpRequest(port, { path, headers: { 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'iframe', 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
    expect((await httpRequest(port, { path, headers: { 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
    expect((await httpRequest(port, { path, headers: { Host: 'rebound.attacker.example' } })).status).toBe(403);
    expect(events).toEqual([]);
    expect((await httpRequest(port, { path, headers: { 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-Site': 'none' } })).status).toBe(200);
    expect(events).toHaveLength(1);
  });

  it('lets the 3CX web client navigate cross-site when the setting allows it', async () => {
    const { port, events } = await harness({ allowCrossSiteNavigation: true });
    const headers = { 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-Site': 'cross-site' };
    expect((await httpRequest(port, { path: '/call?phone=4711', headers })).status).toBe(200);
    expect(events).toHaveLength(1);
  });
});

describe('forwardToRunningInstance', () => {
  it('hands a call to the running companion over POST /events', async () => {
    const { port, events } = await harness();
    const result = await forwardToRunningInstance({ port, token: TEST_TOKEN, event: { event: 'ringing', callId: 'cli-1', from: '+331234' } });
    expect(result).toEqual({ ok: true, value: { ack: 'cli-1', duplicate: false } });
    expect(events[0]).toMatchObject({ callId: 'cli-1', remoteNumber: '+331234', source: 'http-events' });
  });

  it('reports a wrong token and a closed port as errors', async () => {
    const { port } = await harness();
    expect(await forwardToRunningInstance({ port, token: 'wrong-token-0123456789', event: { event: 'ringing', callId: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'forward-unauthorized' },
    });
    await h?.stop();
    h = undefined;
    expect(await forwardToRunningInstance({ port, token: TEST_TOKEN, event: { event: 'ringing', callId: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'forward-unreachable' },
    });
  });
});
