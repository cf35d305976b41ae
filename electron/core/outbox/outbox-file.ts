import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { OutboxDocument, type OutboxEntry } from './entry';

/**
 * The outbox's file: written atomically (temp file, fsync, rename, fsync of the directory) so a crash or
 * power cut leaves either the previous or the new list, never a torn one. A file that cannot be read back is
 * copied aside (`…corrupt-<time>.json`), never overwritten: it may hold calls not yet logged.
 */
export interface LoadedOutbox {
  entries: OutboxEntry[];
  /** Set when the file was unreadable and moved aside; the outbox then starts empty. */
  problem?: string;
}

export async function loadOutboxFile(path: string, now: () => number): Promise<LoadedOutbox> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [] };
    return { entries: [], problem: `Cannot read the outbox ${path}: ${(e as Error).message}` };
  }
  let reason: string;
  try {
    const parsed = OutboxDocument.safeParse(JSON.parse(text));
    if (parsed.success) return { entries: parsed.data.entries };
    const first = parsed.error.issues[0];
    reason = `unexpected content at ${first?.path.join('.') || 'the top level'}: ${first?.message ?? 'invalid'}`;
  } catch (e) {
    reason = `not valid JSON (${(e as Error).message})`;
  }
  const backup = join(dirname(path), `${basename(path, '.json')}.corrupt-${now()}.json`);
  try {
    await rename(path, backup);
  } catch (e) {
    return { entries: [], problem: `The outbox ${path} is ${reason}, and it could not be moved aside (${(e as Error).message}).` };
  }
  return { entries: [], problem: `The outbox ${path} was ${reason}; it was kept as ${backup} and the outbox starts empty.` };
}

let sequence = 0;

export async function saveOutboxFile(path: string, entries: readonly OutboxEntry[]): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  sequence += 1;
  const temp = `${path}.${process.pid}.${sequence}.tmp`;
  const text = `${JSON.stringify({ version: 1, entries }, null, 1)}\n`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await syncDirectory(dir);
}

/** Makes the rename itself durable; some platforms (Windows) cannot open a directory, which is fine there. */
async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Not supported on this platform: the rename is still atomic.
  } finally {
    await handle?.close();
  }
}
