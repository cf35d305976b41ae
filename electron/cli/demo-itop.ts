import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail, ok, type Result } from '../../shared/result';
import type { DemoLogin } from '../core/app/demo-switch';

/**
 * The demo iTop (web mode and `cti lookup` with no iTop configured, the setup's "Try the demo"): the simulator,
 * run as its own process (the product never imports it). Its demo login is the simulator's `cti` user (e2e/itop-sim/credentials.ts).
 */
export interface DemoItop {
  readonly url: string;
  readonly itop: { url: string; auth: 'password'; user: string; password: string };
  stop(): Promise<void>;
}

// join(), not `new URL('…', import.meta.url)`: Vite would inline that file into the Electron bundle as a data: URL.
// From electron/cli/ and from out/main/ alike, the checkout's root is two folders up.
const SIM_MAIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'e2e', 'itop-sim', 'main.ts');
const DEMO_LOGIN = { user: 'cti', password: 'cti-password' };
const URL_IN_OUTPUT = /https?:\/\/(?:127\.0\.0\.1|localhost|\[::1\]):\d+[^\s"']*/;

/** True in a checkout: installers ship neither the simulator nor tsx. */
export const demoItopInstalled = (): boolean => existsSync(SIM_MAIN);

/**
 * `extraArgs`: more simulator options (`--no-phonecall`, `--persons N`, `--latency MS`). From the Electron main
 * process, process.execPath is Electron itself: ELECTRON_RUN_AS_NODE makes it run the simulator as Node does.
 */
export function startDemoItop(extraArgs: readonly string[] = [], timeoutMs = 20_000): Promise<Result<DemoItop>> {
  if (!demoItopInstalled()) return Promise.resolve(fail('demo-missing', `the simulator is not installed (${SIM_MAIN})`));
  // stdin is a pipe the simulator watches: when this process ends, even by SIGKILL, the pipe closes and the
  // simulator exits instead of staying behind, orphaned, on its port.
  const child = spawn(process.execPath, ['--import', 'tsx', SIM_MAIN, '--port', '0', ...extraArgs], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ITOP_SIM_EXIT_WITH_STDIN: '1', ...(process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {}) },
  });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve) => {
    let seen = '';
    const timer = setTimeout(() => {
      void stop();
      resolve(fail('demo-timeout', `the simulator printed no address within ${timeoutMs} ms: ${seen.slice(-300)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString('utf8');
      const found = URL_IN_OUTPUT.exec(seen);
      if (!found) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      const url = found[0].replace(/\/webservices\/rest\.php.*$/, '').replace(/\/+$/, '');
      resolve(ok({ url, itop: { url, auth: 'password', ...DEMO_LOGIN }, stop }));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => void (seen += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(fail('demo-exited', `the simulator exited (code ${code}): ${seen.slice(-300)}`));
    });
  });
}

/** The simulator with demo data (generated persons too, so there are switchboards to ring), as a login. */
export async function startDemoLogin(onStarted?: (demo: DemoItop) => void): Promise<Result<DemoLogin>> {
  const sim = await startDemoItop(['--persons', '1500']);
  if (!sim.ok) return sim;
  onStarted?.(sim.value);
  return ok({ url: sim.value.url, user: sim.value.itop.user, password: sim.value.itop.password });
}
