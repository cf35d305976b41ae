/**
 * Command line of `npm run itop-sim`: every option is checked, and a wrong one is reported with
 * its name, what it expects and what it got.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../../shared/result';
import { isValidTimezone } from './clock';

export interface SimOptions {
  readonly port: number;
  readonly host: string;
  readonly persons: number;
  readonly latencyMs: number;
  readonly jitterMs: number;
  readonly seed: number;
  readonly phoneCall: boolean;
  /** Extra users "login:password" (Support Agent + REST Services User), or new passwords for existing logins. */
  readonly users: readonly { login: string; password: string }[];
  readonly tokenLogin: boolean;
  readonly timezone: string;
  readonly strictPhonePattern: boolean;
  readonly dataset: 'fresh' | 'recorded' | 'demo';
}

export const USAGE = `usage: itop-sim [--port N] [--host 127.0.0.1] [--persons N] [--latency MS] [--jitter MS] [--seed S]
                [--no-phonecall] [--user LOGIN:PASSWORD]... [--token-login] [--timezone TZ]
                [--strict-phone-pattern] [--dataset fresh|recorded|demo]`;

const LOOPBACK = ['127.0.0.1', 'localhost', '::1'];
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const VALUE_RULES: Record<string, { key: keyof SimOptions; schema: z.ZodType; expects: string }> = {
  '--port': { key: 'port', schema: int(0, 65535), expects: 'an integer between 0 and 65535 (0 picks a free port)' },
  '--host': { key: 'host', schema: z.enum(LOOPBACK), expects: `a loopback address (${LOOPBACK.join(', ')}): the simulator never listens on a network` },
  '--persons': { key: 'persons', schema: int(0, 1_000_000), expects: 'an integer between 0 and 1000000' },
  '--latency': { key: 'latencyMs', schema: int(0, 600_000), expects: 'milliseconds, an integer between 0 and 600000' },
  '--jitter': { key: 'jitterMs', schema: int(0, 600_000), expects: 'milliseconds, an integer between 0 and 600000' },
  '--seed': { key: 'seed', schema: int(0, 2 ** 31 - 1), expects: 'a non-negative integer' },
  '--timezone': { key: 'timezone', schema: z.string().refine(isValidTimezone), expects: 'an IANA timezone such as Europe/Paris' },
  '--dataset': { key: 'dataset', schema: z.enum(['fresh', 'recorded', 'demo']), expects: "'fresh' (recordings 01-06c), 'recorded' (the full recorded instance) or 'demo' (recorded + the caller-identification traps)" },
};
const FLAGS: Record<string, (o: Mutable) => void> = {
  '--no-phonecall': (o) => void (o.phoneCall = false),
  '--token-login': (o) => void (o.tokenLogin = true),
  '--strict-phone-pattern': (o) => void (o.strictPhonePattern = true),
};

type Mutable = { -readonly [K in keyof SimOptions]: SimOptions[K] };

export function parseSimArgs(argv: readonly string[]): Result<SimOptions> {
  const o: Mutable = {
    port: 0, host: '127.0.0.1', persons: 0, latencyMs: 0, jitterMs: 0, seed: 1, phoneCall: true, users: [],
    tokenLogin: false, timezone: 'Europe/Paris', strictPhonePattern: false, dataset: 'demo',
  };
  const users: { login: string; password: string }[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const flag = FLAGS[name];
    if (flag && inline === undefined) {
      flag(o);
      continue;
    }
    const rule = VALUE_RULES[name];
    if (!rule && name !== '--user') return bad(`unknown option '${arg}'`);
    const value = inline ?? argv[++i];
    if (value === undefined) return bad(`${name} needs a value`);
    if (name === '--user') {
      const colon = value.indexOf(':');
      if (colon <= 0 || colon === value.length - 1) return bad(`--user expects LOGIN:PASSWORD with both parts non-empty, got '${value}'`);
      users.push({ login: value.slice(0, colon), password: value.slice(colon + 1) });
      continue;
    }
    if (!rule) return bad(`unknown option '${arg}'`);
    const parsed = rule.schema.safeParse(value);
    if (!parsed.success) return bad(`${name} expects ${rule.expects}, got '${value}'`);
    (o as Record<string, unknown>)[rule.key] = parsed.data;
  }
  return ok({ ...o, users });
}

function bad(message: string): Result<SimOptions> {
  return err({ code: 'SIM_BAD_ARGUMENT', message: `itop-sim: ${message}\n${USAGE}` });
}
