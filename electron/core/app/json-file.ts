import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { writeFileAtomic } from '../files/write-file-atomic';

/**
 * A small JSON document on disk (history, remembered choices), written atomically: a crash mid-write leaves
 * the previous file, never a truncated one. Writes are serialized so the last state always lands last.
 */
export interface JsonFile<T> {
  /** The stored value, or `fallback` when the file is missing or unreadable (reported through `onProblem`). */
  read(): Promise<T>;
  write(value: T): Promise<void>;
  /** Resolves when every write queued so far is on disk. */
  flush(): Promise<void>;
}

export function createJsonFile<S extends z.ZodType>(
  path: string,
  schema: S,
  fallback: () => z.infer<S>,
  onProblem?: (message: string) => void,
): JsonFile<z.infer<S>> {
  let chain: Promise<void> = Promise.resolve();
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
      const text = `${JSON.stringify(value, null, 1)}\n`;
      chain = chain
        .then(() => writeFileAtomic(path, text))
        .catch((e: unknown) => onProblem?.(`Cannot save ${path}: ${(e as Error).message}`));
      return chain;
    },
    flush: () => chain,
  };
}
