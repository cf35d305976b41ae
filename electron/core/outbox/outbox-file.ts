import { readFile, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '../files/write-file-atomic';
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

export async function saveOutboxFile(path: string, entries: readonly OutboxEntry[]): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify({ version: 1, entries }, null, 1)}\n`);
}
