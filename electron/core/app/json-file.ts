import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { writeFileAtomic } from '../files/write-file-atomic';

/**
 * A small JSON document on disk (history, remembered choices), written atomically: a crash mid-write leaves
 * the previous file, never a truncated one. One writer, debounced: a write only remembers the latest value
 * (nothing is serialized or queued per change), and at most one file write runs at a time, so a burst of
 * changes costs one compact serialization instead of one pretty-printed copy each piling up in memory.
 */
export interface JsonFile<T> {
  /** The stored value, or `fallback` when the file is missing or unreadable (reported through `onProblem`). */
  read(): Promise<T>;
  /** Schedules `value` (the latest wins); resolves when it, or a later value, is on disk. */
  write(value: T): Promise<void>;
  /** Resolves when every value written so far is on disk. */
  flush(): Promise<void>;
}

/** Coalescing window: changes within it share one file write. */
const DEFAULT_DELAY_MS = 100;

export function createJsonFile<S extends z.ZodType>(
  path: string,
  schema: S,
  fallback: () => z.infer<S>,
  onProblem?: (message: string) => void,
  options: { readonly delayMs?: number } = {},
): JsonFile<z.infer<S>> {
  const delayMs = options.delayMs ?? DEFAULT_DELAY_MS;
  let latest: { value: z.infer<S> } | undefined;
  let running: Promise<void> | undefined;

  async function drain(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    while (latest) {
      const { value } = latest;
      latest = undefined;
      try {
        await writeFileAtomic(path, `${JSON.stringify(value)}\n`);
      } catch (e) {
        onProblem?.(`Cannot save ${path}: ${(e as Error).message}`);
      }
    }
    running = undefined;
  }

  return {
    async read() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') onProblem?.(`Cannot read ${path}: ${(e as Error).message}; starting empty.`);
        return fallback();
      }
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        onProblem?.(`${path} is not valid JSON; starting empty (the file is kept until the next save).`);
        return fallback();
      }
      const parsed = schema.safeParse(data);
      if (parsed.success) return parsed.data;
      const first = parsed.error.issues[0];
      onProblem?.(`${path} does not have the expected shape (${first?.path.join('.') || 'root'}: ${first?.message ?? 'invalid'}); starting empty.`);
      return fallback();
    },
    write(value) {
      latest = { value };
      running ??= drain();
      return running;
    },
    flush: () => running ?? Promise.resolve(),
  };
}
