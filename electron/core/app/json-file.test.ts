import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { z } from 'zod';
import { createJsonFile } from './json-file';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'json-file-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const Doc = z.object({ n: z.number(), items: z.array(z.string()) });

it('a burst of writes lands as the last value, compact, and retains no per-write copy', async () => {
  const path = join(dir, 'doc.json');
  const file = createJsonFile(path, Doc, () => ({ n: 0, items: [] }), undefined, { delayMs: 20 });
  const items = Array.from({ length: 300 }, (_, i) => `entry-${i}`);
  const before = process.memoryUsage().heapUsed;
  for (let n = 1; n <= 20_000; n += 1) void file.write({ n, items });
  // 20k pretty-printed copies of this document would be ~100 MB; the single writer keeps one reference.
  expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
  await file.flush();
  const text = await readFile(path, 'utf8');
  expect(text).toBe(`${JSON.stringify({ n: 20_000, items })}\n`);
  expect(await file.read()).toEqual({ n: 20_000, items });
});

it('a write during a running write is not lost', async () => {
  const path = join(dir, 'doc.json');
  const file = createJsonFile(path, Doc, () => ({ n: 0, items: [] }), undefined, { delayMs: 0 });
  const first = file.write({ n: 1, items: [] });
  await new Promise((r) => setTimeout(r, 1));
  void file.write({ n: 2, items: ['late'] });
  await first;
  await file.flush();
  expect(await file.read()).toEqual({ n: 2, items: ['late'] });
});
