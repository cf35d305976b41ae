import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { err, ok, type Result } from '../../../shared/result';
import { writeFileAtomic } from '../files/write-file-atomic';
import { decodeRows, encodeRows, type RowPerson } from './index-rows';

/**
 * The phone index on the agent's disk: personal data (names, e-mails, phone numbers) of every Person the
 * agent's iTop login can read, so it is 0600, and one file per iTop URL + login so two configurations never
 * share (or leak into) one another's cache. A file of another format version, another source or another
 * attribute set is not used: the index is rebuilt from iTop instead.
 */
export const INDEX_FILE_FORMAT = 'itop-cti-phone-index';
/** Bump when the layout of a row or the meaning of StoredKeys changes: old files are then rebuilt, not misread. */
// 2: StoredKeys carry their certainty (issue 12) and rows name the reading region (`?FR` = default guess).
export const INDEX_FORMAT_VERSION = 2;

export interface IndexSource {
  readonly url: string;
  /** The login, or `token:<hash prefix>` for token auth (never the token itself). */
  readonly account: string;
}

export interface IndexSnapshot {
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
  readonly persons: readonly SavedPerson[];
}

/** A Person with the region its numbers were read in and each number's keys, exactly as keyStored gave them. */
export type SavedPerson = RowPerson;

const hash = (text: string): string => createHash('sha256').update(text).digest('hex');

export function sourceOf(url: string, auth: { readonly user?: string; readonly token?: string }): IndexSource {
  return { url: url.replace(/\/+$/, ''), account: auth.token ? `token:${hash(auth.token).slice(0, 16)}` : (auth.user ?? '') };
}

/** `phone-index-<hash of url + account>.json`: the name alone keeps configurations apart; the content is checked too. */
export function indexFilePath(dataDir: string, source: IndexSource): string {
  return join(dataDir, `phone-index-${hash(`${source.url}\n${source.account}`).slice(0, 20)}.json`);
}

const IndexFile = z.object({
  format: z.literal(INDEX_FILE_FORMAT),
  version: z.literal(INDEX_FORMAT_VERSION),
  source: z.object({ url: z.string(), account: z.string() }),
  savedAt: z.number(),
  syncedAt: z.number(),
  maxId: z.int().min(0),
  cursor: z.int().min(0),
  phoneAttributes: z.array(z.string()),
  displayAttributes: z.array(z.string()),
  locations: z.array(z.tuple([z.string(), z.string()])),
  /** How many Person lines follow the header line (index-rows.ts). */
  count: z.int().min(0),
});

export async function saveIndexFile(path: string, source: IndexSource, snapshot: IndexSnapshot): Promise<void> {
  const { phoneAttributes, displayAttributes } = snapshot;
  const file: z.input<typeof IndexFile> = {
    format: INDEX_FILE_FORMAT,
    version: INDEX_FORMAT_VERSION,
    source: { url: source.url, account: source.account },
    savedAt: snapshot.savedAt,
    syncedAt: snapshot.syncedAt,
    maxId: snapshot.maxId,
    cursor: snapshot.cursor,
    phoneAttributes: [...phoneAttributes],
    displayAttributes: [...displayAttributes],
    locations: [...snapshot.locations],
    count: snapshot.persons.length,
  };
  // The header as one JSON line, then one line per Person.
  const rows = encodeRows(snapshot.persons, phoneAttributes, displayAttributes);
  await writeFileAtomic(path, `${JSON.stringify(file)}\n${rows}`, { mode: 0o600 });
}

/** Why a file was not used; `missing` is the normal first start and is not worth a log line. */
export type IndexFileProblem = { readonly kind: 'missing' } | { readonly kind: 'unusable'; readonly reason: string };

export async function loadIndexFile(
  path: string,
  source: IndexSource,
  expected: { readonly phoneAttributes: readonly string[]; readonly displayAttributes: readonly string[] },
): Promise<Result<IndexSnapshot, IndexFileProblem>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? err({ kind: 'missing' }) : err({ kind: 'unusable', reason: `cannot be read (${(e as Error).message})` });
  }
  const headerEnd = bytes.indexOf(0x0a) < 0 ? bytes.length : bytes.indexOf(0x0a);
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8', 0, headerEnd));
  } catch {
    return err({ kind: 'unusable', reason: 'is not valid JSON' });
  }
  const head = z.object({ format: z.literal(INDEX_FILE_FORMAT), version: z.number() }).safeParse(data);
  if (!head.success) return err({ kind: 'unusable', reason: 'is not a phone index file' });
  if (head.data.version !== INDEX_FORMAT_VERSION) return err({ kind: 'unusable', reason: `has format version ${head.data.version}, this version reads ${INDEX_FORMAT_VERSION}` });
  const parsed = IndexFile.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return err({ kind: 'unusable', reason: `is damaged (${first?.path.join('.') || 'root'}: ${first?.message ?? 'invalid'})` });
  }
  const file = parsed.data;
  if (file.source.url !== source.url || file.source.account !== source.account) return err({ kind: 'unusable', reason: 'belongs to another iTop URL or login' });
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);
  if (!same(file.phoneAttributes, expected.phoneAttributes) || !same(file.displayAttributes, expected.displayAttributes)) {
    return err({ kind: 'unusable', reason: 'was built for other phone or display attributes' });
  }
  const rows = decodeRows(bytes, headerEnd + 1, file.phoneAttributes, file.displayAttributes);
  if (!rows.ok) return err({ kind: 'unusable', reason: `is damaged (Person line ${rows.line})` });
  if (rows.persons.length !== file.count) return err({ kind: 'unusable', reason: `is damaged (${rows.persons.length} Persons instead of ${file.count})` });
  return ok({
    savedAt: file.savedAt,
    syncedAt: file.syncedAt,
    maxId: file.maxId,
    cursor: file.cursor,
    phoneAttributes: file.phoneAttributes,
    displayAttributes: file.displayAttributes,
    locations: new Map(file.locations),
    persons: rows.persons,
  });
}
