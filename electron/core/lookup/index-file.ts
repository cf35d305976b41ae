import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { err, ok, type Result } from '../../../shared/result';
import { writeFileAtomic } from '../files/write-file-atomic';
import type { FrozenEntries } from './entry-map';
import type { SavedLines } from './saved-rows';

/**
 * The phone index on the agent's disk: personal data (names, e-mails, phone numbers) of every Person the
 * agent's iTop login can read, so it is 0600, and one file per iTop URL + login so two configurations never
 * share (or leak into) one another's cache. A file of another format version, another source or another
 * attribute set is not used: the index is rebuilt from iTop instead.
 *
 * Layout: one JSON header line; the Person lines (index-rows.ts) in ascending id order; spaces up to a multiple
 * of 8 bytes; the packed keys (entry-map.ts) as four Float64Arrays, used in place at load. The header holds
 * the SHA-256 of the lines and keys: a file damaged anywhere is refused, not half read.
 */
const INDEX_FILE_FORMAT = 'itop-cti-phone-index';
/** Bump when the layout of a row or the meaning of StoredKeys changes: old files are then rebuilt, not misread. */
// 2: StoredKeys carry their certainty (issue 12) and rows name the reading region (`?FR` = default guess).
// 3: Persons in id order, followed by the packed keys, opened without reading the Persons.
export const INDEX_FORMAT_VERSION = 3;

export interface IndexSource {
  readonly url: string;
  /** The login, or `token:<hash prefix>` for token auth (never the token itself). */
  readonly account: string;
}

/** The settings the packed keys were computed with: with others, the keys are computed again from the lines. */
export interface KeySettings {
  readonly defaultRegion: string;
  readonly orgRegions: Readonly<Record<string, string>>;
  readonly suffixDigits: number;
}

export interface IndexFileHead {
  readonly savedAt: number;
  /** When iTop last answered an index request: the data is at least as fresh as this. */
  readonly syncedAt: number;
  /** Highest Person id known: the next new-person pass asks for ids above it. */
  readonly maxId: number;
  /** Where the rolling re-read of the directory continues (ids above this one come next). */
  readonly cursor: number;
  readonly phoneAttributes: readonly string[];
  readonly displayAttributes: readonly string[];
  readonly locations: ReadonlyMap<string, string>;
  readonly keySettings: KeySettings;
}

export interface IndexFileBody {
  /** One line per Person (without its newline), in ascending id order. */
  readonly lines: readonly (string | Uint8Array)[];
  readonly numbers: number;
  readonly byE164: FrozenEntries;
  readonly bySuffix: FrozenEntries;
}

export interface LoadedIndexFile extends IndexFileHead {
  readonly count: number;
  readonly numbers: number;
  readonly lines: SavedLines;
  readonly byE164: FrozenEntries;
  readonly bySuffix: FrozenEntries;
}

const hash = (text: string): string => createHash('sha256').update(text).digest('hex');

export function sourceOf(url: string, auth: { readonly user?: string; readonly token?: string }): IndexSource {
  return { url: url.replace(/\/+$/, ''), account: auth.token ? `token:${hash(auth.token).slice(0, 16)}` : (auth.user ?? '') };
}

/** `phone-index-<hash of url + account>.json`: the name alone keeps configurations apart; the content is checked too. */
export function indexFilePath(dataDir: string, source: IndexSource): string {
  return join(dataDir, `phone-index-${hash(`${source.url}\n${source.account}`).slice(0, 20)}.json`);
}

const Count = z.int().min(0);
const IndexFile = z.object({
  format: z.literal(INDEX_FILE_FORMAT),
  version: z.literal(INDEX_FORMAT_VERSION),
  source: z.object({ url: z.string(), account: z.string() }),
  savedAt: z.number(),
  syncedAt: z.number(),
  maxId: Count,
  cursor: Count,
  phoneAttributes: z.array(z.string()),
  displayAttributes: z.array(z.string()),
  locations: z.array(z.tuple([z.string(), z.string()])),
  keySettings: z.object({ defaultRegion: z.string(), orgRegions: z.record(z.string(), z.string()), suffixDigits: Count }),
  /** Person lines, bytes they take, stored numbers, keys in each packed table. */
  count: Count,
  linesBytes: Count,
  numbers: Count,
  byE164: Count,
  bySuffix: Count,
  byteOrder: z.enum(['LE', 'BE']),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const NL = Buffer.from('\n');
const tableBytes = (t: FrozenEntries): Buffer[] => [t.keys, t.entries].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
/** Spaces after the lines so the keys start on a multiple of 8 bytes (a Float64Array can then use the file's bytes). */
const padding = (before: number): number => (8 - (before % 8)) % 8;

export async function saveIndexFile(path: string, source: IndexSource, head: IndexFileHead, body: IndexFileBody): Promise<void> {
  const lines = body.lines.flatMap((line) => [typeof line === 'string' ? Buffer.from(line) : line, NL]);
  const linesBytes = lines.reduce((sum, b) => sum + b.byteLength, 0);
  const tables = [...tableBytes(body.byE164), ...tableBytes(body.bySuffix)];
  const digest = createHash('sha256');
  for (const part of [...lines, ...tables]) digest.update(part);
  const file: z.input<typeof IndexFile> = {
    format: INDEX_FILE_FORMAT,
    version: INDEX_FORMAT_VERSION,
    source: { url: source.url, account: source.account },
    savedAt: head.savedAt,
    syncedAt: head.syncedAt,
    maxId: head.maxId,
    cursor: head.cursor,
    phoneAttributes: [...head.phoneAttributes],
    displayAttributes: [...head.displayAttributes],
    locations: [...head.locations],
    keySettings: { ...head.keySettings, orgRegions: { ...head.keySettings.orgRegions } },
    count: body.lines.length,
    linesBytes,
    numbers: body.numbers,
    byE164: body.byE164.keys.length,
    bySuffix: body.bySuffix.keys.length,
    byteOrder: endianness(),
    sha256: digest.digest('hex'),
  };
  const header = Buffer.from(`${JSON.stringify(file)}\n`);
  const pad = Buffer.alloc(padding(header.length + linesBytes), ' ');
  await writeFileAtomic(path, Buffer.concat([header, ...lines, pad, ...tables]), { mode: 0o600 });
}

/** Why a file was not used; `missing` is the normal first start and is not worth a log line. */
export type IndexFileProblem = { readonly kind: 'missing' } | { readonly kind: 'unusable'; readonly reason: string };

export async function loadIndexFile(
  path: string,
  source: IndexSource,
  expected: { readonly phoneAttributes: readonly string[]; readonly displayAttributes: readonly string[] },
): Promise<Result<LoadedIndexFile, IndexFileProblem>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? err({ kind: 'missing' }) : err({ kind: 'unusable', reason: `cannot be read (${(e as Error).message})` });
  }
  const unusable = (reason: string) => err<IndexFileProblem>({ kind: 'unusable', reason });
  const headerEnd = bytes.indexOf(0x0a) < 0 ? bytes.length : bytes.indexOf(0x0a);
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8', 0, headerEnd));
  } catch {
    return unusable('is not valid JSON');
  }
  const head = z.object({ format: z.literal(INDEX_FILE_FORMAT), version: z.number() }).safeParse(data);
  if (!head.success) return unusable('is not a phone index file');
  if (head.data.version !== INDEX_FORMAT_VERSION) return unusable(`has format version ${head.data.version}, this version reads ${INDEX_FORMAT_VERSION}`);
  const parsed = IndexFile.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return unusable(`is damaged (${first?.path.join('.') || 'root'}: ${first?.message ?? 'invalid'})`);
  }
  const file = parsed.data;
  if (file.source.url !== source.url || file.source.account !== source.account) return unusable('belongs to another iTop URL or login');
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);
  if (!same(file.phoneAttributes, expected.phoneAttributes) || !same(file.displayAttributes, expected.displayAttributes)) {
    return unusable('was built for other phone or display attributes');
  }
  if (file.byteOrder !== endianness()) return unusable(`was written on a ${file.byteOrder} machine`);
  const linesStart = headerEnd + 1;
  const keysStart = linesStart + file.linesBytes + padding(linesStart + file.linesBytes);
  if (bytes.length !== keysStart + 16 * (file.byE164 + file.bySuffix)) return unusable(`is damaged (${bytes.length} bytes, not the size its header gives)`);
  const digest = createHash('sha256').update(bytes.subarray(linesStart, linesStart + file.linesBytes)).update(bytes.subarray(keysStart));
  if (digest.digest('hex') !== file.sha256) return unusable('is damaged (its checksum does not match)');
  let at = keysStart;
  const table = (n: number): Float64Array => {
    const from = at;
    at += 8 * n;
    // In place when the bytes are aligned for a Float64Array, as they are in a file Buffer of its own.
    return (bytes.byteOffset + from) % 8 === 0 ? new Float64Array(bytes.buffer, bytes.byteOffset + from, n) : new Float64Array(bytes.buffer.slice(bytes.byteOffset + from, bytes.byteOffset + at));
  };
  const byE164 = { keys: table(file.byE164), entries: table(file.byE164) };
  const bySuffix = { keys: table(file.bySuffix), entries: table(file.bySuffix) };
  return ok({
    savedAt: file.savedAt,
    syncedAt: file.syncedAt,
    maxId: file.maxId,
    cursor: file.cursor,
    phoneAttributes: file.phoneAttributes,
    displayAttributes: file.displayAttributes,
    locations: new Map(file.locations),
    keySettings: file.keySettings,
    count: file.count,
    numbers: file.numbers,
    lines: { bytes, start: linesStart, end: linesStart + file.linesBytes },
    byE164,
    bySuffix,
  });
}
