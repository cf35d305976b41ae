import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileBridgeTokenKeeper, loadConfigKeepingBridgeToken, readOnlyKeeper } from '../core/config/bridge-token';
import type { LoadedConfig } from '../core/config/load-config';
import { BRIDGE_TOKEN_FILE, defaultDataDir } from './start-paths';
import { checkConnection } from '../core/app/connection-check';
import { createLookupKit } from '../core/app/lookup-kit';
import { forwardToRunningInstance } from '../core/intake/forward';
import { EXIT, parseCliArgs, USAGE, type CliCommand } from './cli-args';
import { formatCheckReport, type CheckReport } from './check-report';
import { startDemoItop } from './demo-itop';
import { formatLookupReport, runLookup } from './lookup-report';

/**
 * `npm run cti -- lookup|call|check`: the admin's "why doesn't this number pop?" tool. Runs the same core
 * code as the app (normalization, index, caller query, lists) against the configured iTop.
 */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fetch?: typeof fetch;
}

const language = (loaded: LoadedConfig): string =>
  loaded.config.ui.language !== 'auto' ? loaded.config.ui.language : Intl.DateTimeFormat().resolvedOptions().locale;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    io.err(`${parsed.error.message}\n\n${USAGE}`);
    return EXIT.USAGE;
  }
  const command: CliCommand = parsed.value;
  if (command.kind === 'help') {
    io.out(USAGE);
    return EXIT.OK;
  }
  // The token `npm start` generated and kept (same data folder): `cti call` reaches it with no config at all.
  const keeper = readOnlyKeeper(fileBridgeTokenKeeper(join(defaultDataDir(io.env), BRIDGE_TOKEN_FILE)));
  const loaded = await loadConfigKeepingBridgeToken({ ...(command.config !== undefined ? { file: command.config } : {}), env: io.env }, keeper);
  if (command.config !== undefined && loaded.source.kind !== 'file') {
    io.err(`Cannot use the configuration file ${command.config} (${loaded.source.kind}).`);
    return EXIT.CONFIG;
  }
  switch (command.kind) {
    case 'call':
      return callCommand(command, loaded, io);
    case 'check':
      return checkCommand(command, loaded, io);
    case 'lookup':
      return lookupCommand(command, loaded, io);
  }
}

async function lookupCommand(command: Extract<CliCommand, { kind: 'lookup' }>, loaded: LoadedConfig, io: CliIo): Promise<number> {
  let config = loaded.config;
  let demo: Awaited<ReturnType<typeof startDemoItop>> | undefined;
  if (config.itop.url === '') {
    if (command.noSimulator) {
      io.err('No iTop is configured (itop.url or ITOP_URL).');
      return EXIT.CONFIG;
    }
    demo = await startDemoItop();
    if (!demo.ok) {
      io.err(`No iTop is configured and the demo simulator could not start: ${demo.error.message}`);
      return EXIT.CONFIG;
    }
    io.err(`No iTop configured: using the demo simulator at ${demo.value.url}`);
    config = { ...config, itop: { ...config.itop, ...demo.value.itop } };
  }
  try {
    const kit = createLookupKit({ config, language: language(loaded), now: () => performance.now(), ...(io.fetch ? { fetch: io.fetch } : {}) });
    const report = await runLookup(kit, command.number);
    io.out(command.json ? JSON.stringify(report, null, 2) : formatLookupReport(report));
    if (report.index.error && report.callers.length === 0) return EXIT.ITOP;
    return report.callers.length > 0 ? EXIT.OK : EXIT.NOT_FOUND;
  } finally {
    if (demo?.ok) await demo.value.stop();
  }
}

async function checkCommand(command: Extract<CliCommand, { kind: 'check' }>, loaded: LoadedConfig, io: CliIo): Promise<number> {
  const kit = createLookupKit({ config: loaded.config, language: language(loaded), now: () => performance.now(), ...(io.fetch ? { fetch: io.fetch } : {}) });
  const itop = await checkConnection(kit.client, loaded.config.itop.url);
  const lists = itop.state === 'connected' ? await kit.lists.probe() : [];
  const report: CheckReport = { ...(loaded.source.file ? { configFile: loaded.source.file } : {}), issues: loaded.issues, itop, lists };
  io.out(command.json ? JSON.stringify(report, null, 2) : formatCheckReport(report));
  if (itop.state !== 'connected') return itop.state === 'not-configured' ? EXIT.CONFIG : EXIT.ITOP;
  return loaded.issues.some((i) => i.severity === 'error') ? EXIT.CONFIG : EXIT.OK;
}

async function callCommand(command: Extract<CliCommand, { kind: 'call' }>, loaded: LoadedConfig, io: CliIo): Promise<number> {
  const port = command.port ?? loaded.config.cti.port;
  const token = command.token ?? loaded.config.cti.token;
  if (command.token === undefined && loaded.issues.some((i) => i.path === 'cti.token')) {
    io.err('Warning: no bridge token in the configuration; the running companion will refuse the call. Pass --config or --token.');
  }
  const callId = `cli-${randomUUID()}`;
  const sent = await forwardToRunningInstance({
    port,
    token,
    event: { event: 'ringing', callId, from: command.number, to: '', direction: 'inbound', ...(command.name ? { displayName: command.name } : {}) },
    ...(io.fetch ? { fetch: io.fetch } : {}),
  });
  if (!sent.ok) {
    io.err(sent.error.message);
    return EXIT.COMPANION;
  }
  io.out(`Ringing event sent to the companion on port ${port} (call ${callId}${sent.value.duplicate ? ', seen as a duplicate' : ''}).`);
  return EXIT.OK;
}

// Run only as a program (`tsx electron/cli/cti.ts`), not when imported by tests.
if (process.argv[1] && /cti\.ts$/.test(process.argv[1])) {
  runCli(process.argv.slice(2), { out: (t) => console.log(t), err: (t) => console.error(t), env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(`cti: unexpected failure: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      process.exitCode = 70;
    },
  );
}
