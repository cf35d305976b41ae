import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fail, ok, type Result } from '../../shared/result';

/**
 * The demo iTop for `cti lookup` when no iTop is configured: the simulator, run as its own process (the
 * product never imports it). Its demo login is the simulator's `cti` user (e2e/itop-sim/credentials.ts).
 */
export interface DemoItop {
  readonly url: string;
  readonly itop: { url: string; auth: 'password'; user: string; password: string };
  stop(): Promise<void>;
}

const SIM_MAIN = fileURLToPath(new URL('../../e2e/itop-sim/main.ts', import.meta.url));
const DEMO_LOGIN = { user: 'cti', password: 'cti-password' };
const URL_IN_OUTPUT = /https?:\/\/(?:127\.0\.0\.1|localhost|\[::1\]):\d+[^\s"']*/;

/** `extraArgs`: more simulator options (`--no-phonecall`, `--persons N`, `--latency MS`). */
export function startDemoItop(extraArgs: readonly string[] = [], timeoutMs = 20_000): Promise<Result<DemoItop>> {
  if (!existsSync(SIM_MAIN)) return Promise.resolve(fail('demo-missing', `the simulator is not installed (${SIM_MAIN})`));
  // stdin is a pipe the simulator watches: when this process ends, even by SIGKILL, the pipe closes and the
  // simulator exits instead of staying behind, orphaned, on its port.
  const child = spawn(process.execPath, ['--import', 'tsx', SIM_MAIN, '--port', '0', ...extraArgs], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ITOP_SIM_EXIT_WITH_STDIN: '1' },
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
