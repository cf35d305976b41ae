import { parseArgs } from 'node:util';
import { fail, ok, type Result } from '../../shared/result';

export type CliCommand =
  | { readonly kind: 'lookup'; readonly number: string; readonly json: boolean; readonly config?: string; readonly noSimulator: boolean }
  | { readonly kind: 'call'; readonly number: string; readonly name?: string; readonly config?: string; readonly port?: number; readonly token?: string }
  | { readonly kind: 'check'; readonly json: boolean; readonly config?: string }
  | { readonly kind: 'help' };

/** Exit codes, stable for scripts. */
export const EXIT = {
  OK: 0,
  /** lookup: the number matched nobody. */
  NOT_FOUND: 1,
  USAGE: 2,
  /** The configuration file cannot be read, or has errors (check). */
  CONFIG: 3,
  /** iTop unreachable or refusing the login. */
  ITOP: 4,
  /** call: no companion is listening, or it refused the event. */
  COMPANION: 5,
} as const;

export const USAGE = `Usage: npm run cti -- <command> [options]

  lookup <number> [--json] [--config <file>] [--no-simulator]
      How the number is read (normalization steps), who matches in iTop (confirmed / probable, by which
      attribute) and each configured ticket list. Without an iTop URL, starts the demo simulator.
  call <number> [--name <display name>] [--config <file>] [--port <n>] [--token <t>]
      Sends a ringing event to the running companion (POST /events on the CTI port).
  check [--json] [--config <file>]
      Configuration issues, iTop connectivity and the agent's identity.

Environment: ITOP_URL, ITOP_USER, ITOP_PASSWORD, ITOP_TOKEN override the file.
Exit codes: 0 ok, 1 nobody found (lookup), 2 usage, 3 configuration, 4 iTop unreachable or login refused,
            5 companion not reachable (call).`;

export function parseCliArgs(argv: readonly string[]): Result<CliCommand> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        config: { type: 'string' },
        name: { type: 'string' },
        port: { type: 'string' },
        token: { type: 'string' },
        'no-simulator': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    return fail('usage', (e as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') return ok({ kind: 'help' });
  const config = values.config !== undefined ? { config: values.config } : {};
  const one = (what: string): Result<string> => {
    if (rest.length !== 1 || rest[0] === undefined || rest[0].trim() === '') return fail('usage', `"${command}" takes exactly one ${what} (got ${rest.length}).`);
    return ok(rest[0]);
  };
  switch (command) {
    case 'lookup': {
      const number = one('phone number');
      if (!number.ok) return number;
      return ok({ kind: 'lookup', number: number.value, json: values.json, noSimulator: values['no-simulator'], ...config });
    }
    case 'call': {
      const number = one('phone number');
      if (!number.ok) return number;
      let port: number | undefined;
      if (values.port !== undefined) {
        port = Number(values.port);
        if (!Number.isInteger(port) || port < 1 || port > 65535) return fail('usage', `--port must be a port number 1-65535 (got "${values.port}").`);
      }
      return ok({
        kind: 'call',
        number: number.value,
        ...(values.name !== undefined ? { name: values.name } : {}),
        ...(port !== undefined ? { port } : {}),
        ...(values.token !== undefined ? { token: values.token } : {}),
        ...config,
      });
    }
    case 'check':
      if (rest.length > 0) return fail('usage', `"check" takes no argument (got "${rest.join(' ')}").`);
      return ok({ kind: 'check', json: values.json, ...config });
    default:
      return fail('usage', `Unknown command "${command}": use lookup, call or check.`);
  }
}
