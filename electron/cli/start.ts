import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeForLog } from '../../shared/log/escape-for-log';
import { fileBridgeTokenKeeper, loadConfigKeepingBridgeToken } from '../core/config/bridge-token';
import { parseStartArgs, START_USAGE } from './start-args';
import { findElectronRuntime, type ElectronRuntime } from './start-electron';
import { BRIDGE_TOKEN_FILE, defaultDataDir } from './start-paths';
import { startWebMode } from './start-web';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Diagnostics go to stderr; stdout carries exactly one line, the URL (scripts and tests read it). */
const say = (message: string) => process.stderr.write(`${escapeForLog(message)}\n`);

/**
 * `npm start`: the Electron app when a runtime is installed (and --web is not given), otherwise web mode on
 * loopback. Exit codes: 0 stopped normally, 2 bad arguments, 1 could not start.
 */
// A promise nobody awaited must not end a companion serving calls: log it (escaped) and keep running.
process.on('unhandledRejection', (reason) => say(`error: unhandled failure: ${reason instanceof Error ? reason.message : String(reason)}`));

async function main(argv: readonly string[]): Promise<number> {
  const args = parseStartArgs(argv);
  if (!args.ok) {
    // The usage text is ours (multi-line on purpose); the argument it quotes is JSON-escaped already.
    process.stderr.write(`${args.error.message}\n`);
    return 2;
  }
  if (args.value.help) {
    process.stderr.write(`${START_USAGE}\n`);
    return 0;
  }
  const configFile = args.value.config ? resolve(args.value.config) : undefined;
  const dataDir = args.value.dataDir ? resolve(args.value.dataDir) : defaultDataDir(process.env);
  // Without a configured token, the one generated at the first start is reused: the PBX keeps working.
  const tokenKeeper = fileBridgeTokenKeeper(join(dataDir, BRIDGE_TOKEN_FILE));
  const loaded = await loadConfigKeepingBridgeToken({ ...(configFile ? { file: configFile } : {}), env: process.env }, tokenKeeper);
  for (const issue of loaded.issues) say(`config ${issue.severity}: ${issue.path}: ${issue.message}`);

  if (!args.value.web) {
    const electron = findElectronRuntime(PROJECT_ROOT);
    if (electron.available) return runElectron(electron.runtime, argv);
    say(`Electron app unavailable (${electron.reason}); starting in web mode.`);
  }

  const started = await startWebMode({
    projectRoot: PROJECT_ROOT,
    config: loaded.config,
    ...(configFile ? { configFile } : {}),
    configIssues: loaded.issues,
    dataDir,
    ...(args.value.noDemo ? { demo: false } : {}),
    port: args.value.port ?? loaded.config.web.port,
    log: say,
  });
  if (!started.ok) {
    say(`Could not start: ${started.error.message}`);
    return 1;
  }
  process.stdout.write(`iTop CTI Companion (web mode): ${started.value.url}\n`);
  return new Promise<number>((done) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      say('Stopping…');
      void started.value.stop().then(() => done(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    // Sign-in links work once and for 2 minutes: Enter in the terminal prints a fresh one.
    if (process.stdin.isTTY) {
      say('Press Enter for a new sign-in link (each works once, for 2 minutes).');
      process.stdin.on('data', () => process.stdout.write(`iTop CTI Companion (web mode): ${started.value.signInUrl()}\n`));
    }
    // A parent that goes away (test runner, terminal) must not leave the companion and simulator behind.
    process.stdin.once('end', () => process.env['ITOP_CTI_EXIT_WITH_STDIN'] === '1' && stop());
    if (process.env['ITOP_CTI_EXIT_WITH_STDIN'] === '1') process.stdin.resume();
  });
}

function runElectron(runtime: ElectronRuntime, argv: readonly string[]): Promise<number> {
  const child = spawn(runtime.binary, [runtime.mainEntry, ...argv], { stdio: 'inherit' });
  return new Promise((done) => {
    child.once('exit', (code) => done(code ?? 0));
    child.once('error', (e) => {
      say(`Could not launch Electron: ${e.message}`);
      done(1);
    });
  });
}

void main(process.argv.slice(2)).then((code) => process.exit(code));
