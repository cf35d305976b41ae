import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const READY = /iTop CTI Companion \(web mode\): (http:\/\/127\.0\.0\.1:(\d+)\/\?token=\S+)/;

export interface CompanionProcess {
  /** The printed URL, token included. */
  readonly url: string;
  readonly origin: string;
  /** Everything the process wrote to stderr so far (diagnostics for failing tests). */
  stderr(): string;
  stop(): Promise<void>;
}

/**
 * Starts the companion the way a user does, `npm start -- --web --port 0 --config <file>`, in its own
 * process group, and reads the one line it prints. stop() signals that group only (npm, tsx and node).
 */
export function startCompanionProcess(args: { config: string; dataDir: string; timeoutMs?: number; extraArgs?: readonly string[] }): Promise<CompanionProcess> {
  const child = spawn('npm', ['start', '--silent', '--', '--web', '--port', '0', '--config', args.config, '--data-dir', args.dataDir, ...(args.extraArgs ?? [])], {
    cwd: ROOT,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ITOP_CTI_EXIT_WITH_STDIN: '1' },
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => void (err += c.toString('utf8')));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stopGroup(child);
      reject(new Error(`the companion printed no URL within ${args.timeoutMs ?? 45_000} ms\n${err}`));
    }, args.timeoutMs ?? 45_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the companion exited (code ${code}) before printing its URL\n${err}`));
    });
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = READY.exec(out);
      if (!m?.[1]) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ url: m[1], origin: new URL(m[1]).origin, stderr: () => err, stop: () => stopGroup(child) });
    });
  });
}

function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const kill = setTimeout(() => signalGroup(pid, 'SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    signalGroup(pid, 'SIGTERM');
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
