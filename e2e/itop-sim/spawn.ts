/**
 * Starts the real simulator process for tests and demos: `node --import tsx e2e/itop-sim/main.ts`,
 * waits for its ready line, and stops it (and only it) on stop(). A process that exits, prints an
 * error or stays silent past the timeout fails the start with its stderr in the message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ControlState, ControlUpdate, Fault } from './http/faults';
import type { StatsSnapshot } from './http/stats';

export interface StartOptions {
  persons?: number;
  latencyMs?: number;
  jitterMs?: number;
  seed?: number;
  noPhoneCall?: boolean;
  /** "login:password" users (Support Agent + REST Services User), or new passwords for demo logins. */
  users?: string[];
  /** Enables the Auth-Token / auth_token login (authent-token's rest-token mode). */
  tokenLogin?: boolean;
  /** iTop's default phone pattern instead of the recorded instance's relaxed one (recordings 10, 10b). */
  strictPhonePattern?: boolean;
  /** 'fresh': state of recordings 01-06c; 'recorded': the full recorded instance; 'demo' (default): recorded + seed/demo-traps.ts. */
  dataset?: 'fresh' | 'recorded' | 'demo';
  timezone?: string;
  /** How long to wait for the ready line (default 20 s; --persons 100000 needs a few seconds). */
  startTimeoutMs?: number;
  /** A fixed port (default 0: any free one), e.g. to bring "iTop" back at the same URL after stopping it. */
  port?: number;
}

export interface SimControl {
  setFault(fault: Fault, options?: { nonJsonStatus?: 200 | 500 }): Promise<ControlState>;
  setLatency(latencyMs: number, jitterMs?: number): Promise<ControlState>;
  reset(): Promise<ControlState>;
  get(): Promise<ControlState>;
  stats(): Promise<StatsSnapshot>;
  resetStats(): Promise<StatsSnapshot>;
}

export interface RunningSimulator {
  /** …/webservices/rest.php */
  url: string;
  /** iTop root, e.g. http://127.0.0.1:4321 */
  baseUrl: string;
  port: number;
  control: SimControl;
  stop(): Promise<void>;
}

const READY = /^itop-sim listening on (http:\/\/127\.0\.0\.1:(\d+))(\/webservices\/rest\.php)$/m;
const HERE = dirname(fileURLToPath(import.meta.url));

export function simulatorArgs(opts: StartOptions): string[] {
  const args = ['--port', String(opts.port ?? 0)];
  if (opts.persons !== undefined) args.push('--persons', String(opts.persons));
  if (opts.latencyMs !== undefined) args.push('--latency', String(opts.latencyMs));
  if (opts.jitterMs !== undefined) args.push('--jitter', String(opts.jitterMs));
  if (opts.seed !== undefined) args.push('--seed', String(opts.seed));
  if (opts.noPhoneCall) args.push('--no-phonecall');
  for (const u of opts.users ?? []) args.push('--user', u);
  if (opts.tokenLogin) args.push('--token-login');
  if (opts.strictPhonePattern) args.push('--strict-phone-pattern');
  if (opts.dataset) args.push('--dataset', opts.dataset);
  if (opts.timezone) args.push('--timezone', opts.timezone);
  return args;
}

export async function startSimulator(opts: StartOptions = {}): Promise<RunningSimulator> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = spawn(process.execPath, ['--import', tsx, join(HERE, 'main.ts'), ...simulatorArgs(opts)], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ITOP_SIM_EXIT_WITH_STDIN: '1' },
  });
  const ready = await waitForReady(child, opts.startTimeoutMs ?? 20_000);
  const baseUrl = ready.baseUrl;
  let stopped: Promise<void> | undefined;
  return {
    url: `${baseUrl}/webservices/rest.php`,
    baseUrl,
    port: ready.port,
    control: createSimControl(baseUrl),
    stop: () => (stopped ??= stopChild(child)),
  };
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<{ baseUrl: string; port: number }> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const fail = (why: string): void => {
      cleanup();
      void stopChild(child);
      reject(new Error(`itop-sim did not start: ${why}${stderr ? `\n--- simulator stderr ---\n${stderr.trim()}` : ''}`));
    };
    const timer = setTimeout(() => fail(`no ready line within ${timeoutMs} ms`), timeoutMs);
    const onOut = (chunk: Buffer): void => {
      stdout += chunk.toString('utf8');
      const m = READY.exec(stdout);
      if (!m?.[1] || !m[2]) return;
      cleanup();
      resolve({ baseUrl: m[1], port: Number(m[2]) });
    };
    const onErr = (chunk: Buffer): void => void (stderr += chunk.toString('utf8'));
    const onExit = (code: number | null, signal: string | null): void => fail(`process exited (code ${code}, signal ${signal})`);
    const onError = (e: Error): void => fail(`spawn failed: ${e.message}`);
    const cleanup = (): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onOut);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    child.stdout?.on('data', onOut);
    // stderr keeps being drained after start so the child never blocks on a full pipe.
    child.stderr?.on('data', onErr);
    child.on('exit', onExit);
    child.on('error', onError);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export function createSimControl(baseUrl: string): SimControl {
  const call = async <T>(path: string, method: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`itop-sim ${method} ${path} failed: HTTP ${res.status} ${text}`);
    return JSON.parse(text) as T;
  };
  const update = (patch: ControlUpdate & { reset?: boolean }) => call<ControlState>('/__sim/control', 'POST', patch);
  return {
    setFault: (fault, options) => update({ fault, ...(options?.nonJsonStatus ? { nonJsonStatus: options.nonJsonStatus } : {}) }),
    setLatency: (latencyMs, jitterMs) => update({ latencyMs, ...(jitterMs === undefined ? {} : { jitterMs }) }),
    reset: () => call<ControlState>('/__sim/control', 'POST', { reset: true }),
    get: () => call<ControlState>('/__sim/control', 'GET'),
    stats: () => call<StatsSnapshot>('/__sim/stats', 'GET'),
    resetStats: () => call<StatsSnapshot>('/__sim/stats', 'DELETE'),
  };
}
