import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createItopClient } from './client';
import { recordedReply, startRecordingServer, type RecordingServer } from './testing/recording-server';

// HTTP misbehaviour the iTop simulator does not produce, on a real loopback server.
let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());

const client = (timeoutMs = 10_000) => createItopClient({ url: server.baseUrl, auth: { kind: 'token', token: 'tok' }, timeoutMs });

describe('HTTP failures', () => {
  it('reports a redirect instead of following it (it would drop the POST body and credentials)', async () => {
    server.respondWith((_req, res) => {
      res.writeHead(301, { Location: 'https://itop.example/webservices/rest.php' });
      res.end();
    });
    expect(await client().listOperations()).toEqual({
      ok: false,
      error: { kind: 'http', status: 301, bodySnippet: 'redirects to https://itop.example/webservices/rest.php; configure that address instead' },
    });
  });

  it('times out when the headers arrive but the body never ends', async () => {
    server.respondWith((_req, res) => {
      res.writeHead(200, { 'Content-type': 'application/json' });
      res.write(recordedReply('01-list_operations').slice(0, 20));
    });
    expect(await client(300).listOperations()).toEqual({ ok: false, error: { kind: 'timeout', afterMs: 300 } });
  });

  it('is aborted by the caller while the body is stalled', async () => {
    server.respondWith((_req, res) => {
      res.writeHead(200, { 'Content-type': 'application/json' });
      res.write('{"code":0,');
      controller.abort();
    });
    const controller = new AbortController();
    expect(await client().listOperations({ signal: controller.signal })).toEqual({ ok: false, error: { kind: 'aborted' } });
  });

  it('sends nothing when the signal is already aborted', async () => {
    const before = server.requests.length;
    expect(await client().get({ class: 'Person', key: 1, signal: AbortSignal.abort() })).toEqual({ ok: false, error: { kind: 'aborted' } });
    expect(server.requests.length).toBe(before);
  });

  it('reports a connection reset in the middle of the reply as a network error', async () => {
    server.respondWith((_req, res) => {
      res.writeHead(200, { 'Content-type': 'application/json', 'Content-Length': '5000' });
      res.write('{"code":0,"message":"Found: 70","objects":{');
      setImmediate(() => res.socket?.destroy());
    });
    const r = await client().listOperations();
    expect(r.ok ? 'ok' : r.error.kind).toBe('network');
  });

  it('calls JSON that is not iTop’s envelope a bad response', async () => {
    server.respondWith((_req, res) => {
      res.writeHead(200, { 'Content-type': 'application/json' });
      res.end('{"status":"ok","data":[]}');
    });
    expect(await client().listOperations()).toEqual({ ok: false, error: { kind: 'bad-response', message: expect.stringMatching(/^list_operations: reply envelope: code: /) } });
  });

  it('calls a code-0 reply of the wrong shape for its operation a bad response', async () => {
    server.respondWith((_req, res) => {
      res.writeHead(200, { 'Content-type': 'application/json' });
      res.end(recordedReply('01-list_operations'));
    });
    expect(await client().create({ class: 'Person', fields: { name: 'x' } })).toEqual({
      ok: false,
      error: { kind: 'bad-response', message: 'core/create: iTop reported success but returned no object' },
    });
  });
});
