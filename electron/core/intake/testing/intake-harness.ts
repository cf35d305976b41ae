import { request } from 'node:http';
import { WebSocket } from 'ws';
import type { CallEvent } from '../../../../shared/cti/call-event';
import type { IntakeError } from '../call-intake';
import { createIntakeServer, type IntakeServer, type IntakeServerDeps } from '../intake-server';
import { silentLog } from '../log';

/** A real intake server on a free loopback port, with a hand-driven clock and everything it emits recorded. */
export const TEST_TOKEN = 'test-token-0123456789abcdef';

export interface Harness {
  readonly server: IntakeServer;
  readonly port: number;
  readonly events: CallEvent[];
  readonly errors: IntakeError[];
  readonly clock: { now(): number; advance(ms: number): void };
  stop(): Promise<void>;
}

export async function startHarness(overrides: Partial<IntakeServerDeps> = {}): Promise<Harness> {
  let time = 1_700_000_000_000;
  const clock = { now: () => time, advance: (ms: number) => void (time += ms) };
  const events: CallEvent[] = [];
  const errors: IntakeError[] = [];
  let ids = 0;
  const server = createIntakeServer({
    port: 0,
    token: TEST_TOKEN,
    dedupeWindowMs: 4000,
    clock,
    log: silentLog,
    onEvent: (event) => events.push(event),
    onIntakeError: (error) => errors.push(error),
    newCallId: () => `synth-${++ids}`,
    ...overrides,
  });
  const { port } = await server.start();
  return { server, port, events, errors, clock, stop: () => server.stop() };
}

/** A bridge connection whose incoming messages can be awaited one by one. */
export interface TestBridge {
  readonly socket: WebSocket;
  next(): Promise<unknown>;
  close(): Promise<void>;
}

export function connectBridge(url: string, options: { headers?: Record<string, string>; origin?: string } = {}): Promise<TestBridge> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: options.headers, ...(options.origin ? { origin: options.origin } : {}) });
    const queue: unknown[] = [];
    const waiting: Array<(value: unknown) => void> = [];
    socket.on('message', (data) => {
      const value: unknown = JSON.parse(String(data));
      const waiter = waiting.shift();
      if (waiter) waiter(value);
      else queue.push(value);
    });
    socket.once('unexpected-response', (_req, res) => {
      res.resume();
      reject(new UpgradeRefused(res.statusCode ?? 0));
    });
    socket.once('error', reject);
    socket.once('open', () =>
      resolve({
        socket,
        next: () => (queue.length > 0 ? Promise.resolve(queue.shift()) : new Promise((r) => waiting.push(r))),
        close: () =>
          new Promise((r) => {
            if (socket.readyState === WebSocket.CLOSED) return r();
            socket.once('close', () => r());
            socket.close();
          }),
      }),
    );
  });
}

export class UpgradeRefused extends Error {
  constructor(readonly status: number) {
    super(`upgrade refused with HTTP ${status}`);
  }
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** node:http rather than fetch: full control of Host, Origin and Sec-Fetch-* headers. */
export function httpRequest(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
