import { describe, it, expect, afterEach } from 'vitest';
import { createWebBridge, type SocketLike, type WebBridge } from './web-bridge';
import { sampleStatus } from '../testing/sample-views';

/**
 * The `ws` package, loaded by a non-literal specifier so its Node typings stay out of the renderer's
 * DOM-only type program; only the few members used here are typed.
 */
interface ServerSocket {
  send(data: string): void;
  terminate(): void;
  on(event: 'message', listener: (data: unknown) => void): void;
}
interface WsModule {
  WebSocket: new (url: string) => SocketLike;
  WebSocketServer: new (options: { host: string; port: number }) => {
    clients: Set<ServerSocket>;
    once(event: 'listening', listener: () => void): void;
    on(event: 'connection', listener: (socket: ServerSocket) => void): void;
    address(): unknown;
    close(callback: () => void): void;
  };
}
const wsPackage = 'ws';
const { WebSocket, WebSocketServer } = (await import(/* @vite-ignore */ wsPackage)) as WsModule;

/** A real loopback WebSocket server that answers like the web host would (or not, per test). */
async function startServer(onFrame: (frame: { id: number; channel: string; args: unknown[] }, socket: ServerSocket) => void) {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => wss.once('listening', r));
  wss.on('connection', (socket) => socket.on('message', (data) => onFrame(JSON.parse(String(data)), socket)));
  const url = `ws://127.0.0.1:${(wss.address() as { port: number }).port}/contract`;
  return { wss, url, close: () => new Promise<void>((r) => wss.close(r)) };
}

const timers: { fn: () => void; ms: number }[] = [];
const deps = {
  createSocket: (u: string) => new WebSocket(u),
  // Reconnection waits are run by the test itself, never by the clock.
  setTimer: (fn: () => void, ms: number) => timers.push({ fn, ms }),
  clearTimer: () => undefined,
};
const until = async (cond: () => boolean) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
};
let bridge: WebBridge | null = null;
let server: Awaited<ReturnType<typeof startServer>> | null = null;
afterEach(async () => {
  bridge?.close();
  await server?.close();
  timers.length = 0;
});

describe('createWebBridge over a real WebSocket', () => {
  it('matches replies to requests by id and validates them against the contract', async () => {
    server = await startServer((f, s) => {
      if (f.channel === 'call:simulate') s.send(JSON.stringify({ id: f.id, result: { ok: true, value: { callId: 'sim-7' } } }));
      if (f.channel === 'settings:get') s.send(JSON.stringify({ id: f.id, result: { ok: true, value: { nonsense: true } } }));
      if (f.channel === 'call:dismiss') s.send(JSON.stringify({ id: f.id, result: { ok: false, error: { code: 'not-found', message: 'no call x' } } }));
    });
    bridge = createWebBridge(server.url, deps);
    const [sim, settings, dismiss] = await Promise.all([
      bridge.invoke('call:simulate', { number: '+33123456789' }),
      bridge.invoke('settings:get'),
      bridge.invoke('call:dismiss', { callId: 'x' }),
    ]);
    expect(sim).toEqual({ ok: true, value: { callId: 'sim-7' } });
    expect(settings).toMatchObject({ ok: false, error: { code: 'bad-reply' } });
    expect(dismiss).toEqual({ ok: false, error: { code: 'not-found', message: 'no call x' } });
  });

  it('delivers valid events, ignores malformed frames and invalid payloads', async () => {
    server = await startServer(() => undefined);
    bridge = createWebBridge(server.url, deps);
    const seen: string[] = [];
    bridge.on('status:changed', (s) => seen.push(s.itop.state));
    await until(() => bridge?.transport.current() === 'open');
    const [client] = [...server.wss.clients];
    client?.send('not json');
    client?.send(JSON.stringify({ event: 'status:changed', payload: { itop: 'broken' } }));
    client?.send(JSON.stringify({ event: 'no:such-event', payload: {} }));
    client?.send(JSON.stringify({ event: 'status:changed', payload: sampleStatus() }));
    await until(() => seen.length === 1);
    expect(seen).toEqual(['connected']);
  });

  it('fails in-flight requests when the socket drops, then reconnects and serves new ones', async () => {
    let answer = false;
    server = await startServer((f, s) => {
      if (answer) s.send(JSON.stringify({ id: f.id, result: { ok: true, value: null } }));
      else s.terminate();
    });
    bridge = createWebBridge(server.url, deps);
    const states: string[] = [];
    bridge.transport.subscribe((s) => states.push(s));
    const lost = await bridge.invoke('call:dismiss', { callId: 'a' });
    expect(lost).toMatchObject({ ok: false, error: { code: 'disconnected' } });
    await until(() => states.includes('disconnected'));
    answer = true;
    const retries = timers.filter((t) => t.ms === 250); // first back-off step; request timeouts use 15 s
    expect(retries).toHaveLength(1);
    retries[0]?.fn();
    expect(await bridge.invoke('call:dismiss', { callId: 'b' })).toEqual({ ok: true, value: null });
    expect(states).toEqual(['open', 'disconnected', 'connecting', 'open']);
  });
});
