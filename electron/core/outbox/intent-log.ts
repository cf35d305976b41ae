import { appendFileSync, closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { OutboxEntry } from './entry';

/**
 * The write-ahead side of the outbox (`outbox.json.intents`): a new entry is appended here with one synchronous
 * write before anything else happens, so a crash a few milliseconds after a hang-up cannot lose the call. The
 * atomic, fsync'd `outbox.json` save follows; once a save holds an entry, its line is dropped. Reading tolerates
 * a torn last line (a crash in the middle of the append) and ignores what the main file already has.
 */
export interface IntentLog {
  /** Synchronous on purpose: when it returns, the entry survives the process being killed. Throws on failure. */
  append(entry: OutboxEntry): void;
  /** A save of `outbox.json` holding these entries succeeded: their lines are no longer needed. */
  saved(ids: Iterable<string>): void;
  /** An entry that will not be kept (its save failed and the caller was told so). */
  drop(id: string): void;
  /** The entries of the intent file not in `known` (ids of the main file), in order. */
  recover(known: ReadonlySet<string>): Promise<OutboxEntry[]>;
}

// Callers' numbers and names, like outbox.json: readable by the agent's OS account only.
const PRIVATE = { encoding: 'utf8', mode: 0o600 } as const;

export function createIntentLog(file: string): IntentLog {
  const waiting = new Map<string, string>();
  // Replaced, never emptied in place: a crash mid-rewrite must leave the old lines (entries only this file holds).
  // Synchronous like append(), so no append can fall between the write and the rename.
  const rewrite = (): void => {
    const temp = `${file}.tmp`;
    writeFileSync(temp, [...waiting.values()].join(''), PRIVATE);
    const fd = openSync(temp, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  };
  return {
    append(entry) {
      const line = `${JSON.stringify(entry)}\n`;
      appendFileSync(file, line, PRIVATE);
      waiting.set(entry.id, line);
    },
    saved(ids) {
      let changed = false;
      for (const id of ids) changed = waiting.delete(id) || changed;
      if (changed) rewrite();
    },
    drop(id) {
      if (waiting.delete(id)) rewrite();
    },
    async recover(known) {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        return []; // no intent file: nothing was pending a save
      }
      const found: OutboxEntry[] = [];
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        let parsed: ReturnType<typeof OutboxEntry.safeParse>;
        try {
          parsed = OutboxEntry.safeParse(JSON.parse(line));
        } catch {
          continue; // torn by a crash mid-append: that entry was never acknowledged
        }
        if (!parsed.success || known.has(parsed.data.id) || found.some((e) => e.id === parsed.data.id)) continue;
        found.push(parsed.data);
        waiting.set(parsed.data.id, `${line}\n`);
      }
      return found;
    },
  };
}
