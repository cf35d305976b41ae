import { fail, ok, type Result } from '../../shared/result';

export interface StartArgs {
  /** Serve the UI on loopback even when an Electron runtime exists. */
  web: boolean;
  /** Overrides web.port (0 = any free port). */
  port?: number;
  config?: string;
  /** Where history and settings are kept (default: per-user data folder). */
  dataDir?: string;
  help: boolean;
  /** Web mode without the built-in demo iTop when none is configured: the first-run setup shows instead. */
  noDemo?: boolean;
}

export const START_USAGE = `Usage: npm start -- [--web] [--port <n>] [--config <file>] [--data-dir <dir>]

  --web             serve the UI on http://127.0.0.1:<port> instead of opening the Electron app
  --port <n>        web port (overrides web.port; 0 picks a free port)
  --config <file>   configuration file (JSON); ITOP_CTI_* environment variables override it
  --data-dir <dir>  folder for history and local state
  --no-demo         with no iTop configured, do not start the demo simulator (the settings open the setup)
`;

/** Parses `npm start` arguments; unknown flags are errors (a typo must not silently start the wrong mode). */
export function parseStartArgs(argv: readonly string[]): Result<StartArgs> {
  const out: StartArgs = { web: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--web':
        out.web = true;
        break;
      case '--no-demo':
        out.noDemo = true;
        break;
      case '--help':
      case '-h':
        out.help = true;
        break;
      case '--port': {
        const raw = value();
        const port = Number(raw);
        if (raw === undefined || !/^\d+$/.test(raw) || port > 65535) return fail('bad-args', `--port needs a number from 0 to 65535, got ${JSON.stringify(raw ?? '')}`);
        out.port = port;
        break;
      }
      case '--config':
      case '--data-dir': {
        const raw = value();
        if (!raw || raw.startsWith('--')) return fail('bad-args', `${flag} needs a path`);
        if (flag === '--config') out.config = raw;
        else out.dataDir = raw;
        break;
      }
      default:
        return fail('bad-args', `unknown argument ${JSON.stringify(arg)}\n\n${START_USAGE}`);
    }
  }
  return ok(out);
}
