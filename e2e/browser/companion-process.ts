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
  /** SIGKILL to the whole group, as a crash or a power cut ends it (nothing is saved on the way out). */
  kill(): Promise<void>;
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
      // Said in stderr(), so a test that lost the companion shows how it ended.
      child.once('exit', (code, signal) => void (err += `\n[companion process exited: code ${String(code)}, signal ${String(signal)}]\n`));
      resolve({ url: m[1], origin: new URL(m[1]).origin, stderr: () => err, stop: () => stopGroup(child), kill: () => killGroup(child) });
    });
  });
}

/**
 * SIGTERM to the whole group, then waits until every process of it is gone (npm exits before the node process
 * that still saves the phone index and the history on its way out); SIGKILL after 5 s.
 */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return;
  const pid = child.pid;
  if (!groupAlive(pid)) return;
  const kill = setTimeout(() => signalGroup(pid, 'SIGKILL'), 5_000);
  signalGroup(pid, 'SIGTERM');
  while (groupAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
  clearTimeout(kill);
}

async function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return;
  const pid = child.pid;
  signalGroup(pid, 'SIGKILL');
  while (groupAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 20));
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
