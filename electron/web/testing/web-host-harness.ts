import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContractHandlers } from '../../../shared/contract/contract';
import { ok } from '../../../shared/result';
import type { Companion } from '../../core/app/companion-port';
import { createWebHost, type RunningWebHost } from '../web-host';
import { rawHttp } from '../../core/intake/testing/raw-http';

export { rawHttp, statusOf } from '../../core/intake/testing/raw-http';

/**
 * A real web host on a free loopback port, carrying a small companion that records the links it was
 * handed and the invokes it served, for tests that attack the host over real sockets.
 */
export interface WebHostHarness {
  readonly host: RunningWebHost;
  readonly links: string[];
  readonly invoked: string[];
  readonly logged: string[];
  /** A session cookie obtained the way a browser gets one (a fresh sign-in link). */
  signIn(): Promise<string>;
  stop(): Promise<void>;
}

export async function startWebHostHarness(options: { now?: () => number; tokenTtlMs?: number } = {}): Promise<WebHostHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'web-attack-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>panel</title>');
  const links: string[] = [];
  const invoked: string[] = [];
  const logged: string[] = [];
  const status = { itop: { state: 'demo' as const, url: 'http://sim' }, bridge: { connected: 0, port: 1 }, index: { persons: 0, numbers: 0, building: false }, outbox: { pending: 0, failed: 0 } };
  const handlers = {
    'app:snapshot': async () => (invoked.push('app:snapshot'), { calls: { version: 0, calls: [] }, status, history: [] }),
  } as unknown as ContractHandlers;
  const companion: Companion = {
    handlers,
    onEvent: () => () => undefined,
    ingest: () => undefined,
    handleLink: async (url) => (links.push(url), ok({ kind: 'none' as const })),
    start: async () => undefined,
    stop: async () => undefined,
  };
  const log = { info: (m: string) => logged.push(m), warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m) };
  const started = await createWebHost({ companion, port: 0, staticDir: dir, log, ...options }).start();
  if (!started.ok) throw new Error(started.error.message);
  const host = started.value;
  return {
    host,
    links,
    invoked,
    logged,
    async signIn() {
      const res = await rawHttp(host.port, `GET ${new URL(host.signInUrl()).pathname}${new URL(host.signInUrl()).search} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`);
      const cookie = /^set-cookie: ([^;\r\n]+)/im.exec(res)?.[1];
      if (!cookie) throw new Error(`no session cookie in:\n${res}`);
      return cookie;
    },
    async stop() {
      await host.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
