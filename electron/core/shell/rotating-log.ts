import { appendFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { escapeForLog } from '../../../shared/log/escape-for-log';
import { redactSecrets } from './redact';

export interface RotatingLog {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
  /** Resolves when every line logged so far is on disk. */
  flush(): Promise<void>;
}

export interface RotatingLogOptions {
  readonly dir: string;
  /** `companion` → companion.log, companion.1.log … companion.<keep>.log */
  readonly name: string;
  readonly maxBytes: number;
  readonly keep: number;
  readonly now: () => Date;
  /** Current secret values (password, tokens), read at each line so a changed password is redacted too. */
  readonly secrets: () => readonly string[];
  /** Also echo to the console (development). */
  readonly echo?: (line: string) => void;
}

const MAX_LINE = 8000;

/**
 * A size-rotated log file without secrets. Lines are written in order through one promise chain;
 * a failing disk never throws into the caller (logging must not break call handling).
 */
export function createRotatingLog(o: RotatingLogOptions): RotatingLog {
  const file = join(o.dir, `${o.name}.log`);
  const numbered = (n: number): string => join(o.dir, `${o.name}.${n}.log`);
  // A log folder that cannot be created only loses log lines; it never rejects into the app.
  let chain: Promise<void> = mkdir(o.dir, { recursive: true }).then(
    () => undefined,
    () => undefined,
  );
  let size: number | undefined;

  async function rotate(): Promise<void> {
    await rm(numbered(o.keep), { force: true });
    for (let n = o.keep - 1; n >= 1; n -= 1) await rename(numbered(n), numbered(n + 1)).catch(() => undefined);
    if (o.keep >= 1) await rename(file, numbered(1)).catch(() => undefined);
    else await rm(file, { force: true });
    size = 0;
  }

  async function write(line: string): Promise<void> {
    size ??= await stat(file).then((s) => s.size, () => 0);
    const bytes = Buffer.byteLength(line);
    if (size > 0 && size + bytes > o.maxBytes) await rotate();
    await appendFile(file, line, { mode: 0o600 });
    size += bytes;
  }

  function log(level: 'info' | 'warn' | 'error', message: string, data?: Record<string, unknown>): void {
    let text = message;
    if (data !== undefined) {
      try {
        text += ` ${JSON.stringify(data)}`;
      } catch {
        text += ' [unserializable data]';
      }
    }
    const clean = escapeForLog(redactSecrets(text, o.secrets())).slice(0, MAX_LINE);
    const line = `${o.now().toISOString()} ${level.toUpperCase()} ${clean}\n`;
    o.echo?.(line.trimEnd());
    chain = chain.then(() => write(line)).catch(() => undefined);
  }

  return {
    info: (m, d) => log('info', m, d),
    warn: (m, d) => log('warn', m, d),
    error: (m, d) => log('error', m, d),
    flush: () => chain,
  };
}
