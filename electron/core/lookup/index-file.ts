import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { err, ok, type Result } from '../../../shared/result';
import { writeFileAtomic } from '../files/write-file-atomic';
import type { PersonRecord } from './person-record';
import type { StoredKeys } from './phone-index';

/**
 * The phone index on the agent's disk: personal data (names, e-mails, phone numbers) of every Person the
 * agent's iTop login can read, so it is 0600, and one file per iTop URL + login so two configurations never
 * share (or leak into) one another's cache. A file of another format version, another source or another
 * attribute set is not used: the index is rebuilt from iTop instead.
 */
export const INDEX_FILE_FORMAT = 'itop-cti-phone-index';
/** Bump when the layout of a row or the meaning of StoredKeys changes: old files are then rebuilt, not misread. */
export const INDEX_FORMAT_VERSION = 1;

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
export interface SavedPerson {
  readonly person: PersonRecord;
  readonly region: string;
  readonly keys: readonly (StoredKeys | null)[];
}

const hash = (text: string): string => createHash('sha256').update(text).digest('hex');

export function sourceOf(url: string, auth: { readonly user?: string; readonly token?: string }): IndexSource {
  return { url: url.replace(/\/+$/, ''), account: auth.token ? `token:${hash(auth.token).slice(0, 16)}` : (auth.user ?? '') };
}

/** `phone-index-<hash of url + account>.json`: the name alone keeps configurations apart; the content is checked too. */
export function indexFilePath(dataDir: string, source: IndexSource): string {
  return join(dataDir, `phone-index-${hash(`${source.url}\n${source.account}`).slice(0, 20)}.json`);
}

// Keys are kept as generic JSON: whatever keyStored puts in StoredKeys (e.g. a certainty flag) survives a restart.
const Keys = z.looseObject({ digits: z.string(), e164: z.string().optional() }).nullable();
// [id, name, orgId, orgName, locationId, locationName, email, inactive, region, [attr#, raw, keys]…, display values…]
const Row = z.tuple([z.string(), z.string(), z.string(), z.string(), z.string(), z.string(), z.string(), z.union([z.literal(0), z.literal(1)]), z.string(), z.array(z.tuple([z.int().min(0), z.string(), Keys])), z.array(z.string())]);
type Row = z.infer<typeof Row>;

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
  persons: z.array(Row),
});

function toRow(saved: SavedPerson, phoneAttributes: readonly string[], displayAttributes: readonly string[]): Row {
  const { person } = saved;
  const phones = person.phones.map((p, i): Row[9][number] => [Math.max(0, phoneAttributes.indexOf(p.attribute)), p.raw, (saved.keys[i] ?? null) as z.infer<typeof Keys>]);
  const display = displayAttributes.map((code) => person.fields[code] ?? '');
  return [person.id, person.name, person.orgId, person.orgName, person.locationId, person.locationName, person.email, person.inactive ? 1 : 0, saved.region, phones, display];
}

function fromRow(row: Row, phoneAttributes: readonly string[], displayAttributes: readonly string[]): SavedPerson {
  const [id, name, orgId, orgName, locationId, locationName, email, inactive, region, phones, display] = row;
  const fields: Record<string, string> = {};
  displayAttributes.forEach((code, i) => {
    if (display[i]) fields[code] = display[i];
  });
  return {
    person: { id, name, orgId, orgName, locationId, locationName, email, inactive: inactive === 1, phones: phones.map(([a, raw]) => ({ attribute: phoneAttributes[a] ?? 'phone', raw })), fields },
    region,
    keys: phones.map(([, , keys]) => (keys as StoredKeys | null)),
  };
}

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
    persons: snapshot.persons.map((p) => toRow(p, phoneAttributes, displayAttributes)),
  };
  await writeFileAtomic(path, JSON.stringify(file), { mode: 0o600 });
}

/** Why a file was not used; `missing` is the normal first start and is not worth a log line. */
export type IndexFileProblem = { readonly kind: 'missing' } | { readonly kind: 'unusable'; readonly reason: string };

export async function loadIndexFile(
  path: string,
  source: IndexSource,
  expected: { readonly phoneAttributes: readonly string[]; readonly displayAttributes: readonly string[] },
): Promise<Result<IndexSnapshot, IndexFileProblem>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? err({ kind: 'missing' }) : err({ kind: 'unusable', reason: `cannot be read (${(e as Error).message})` });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
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
  return ok({
    savedAt: file.savedAt,
    syncedAt: file.syncedAt,
    maxId: file.maxId,
    cursor: file.cursor,
    phoneAttributes: file.phoneAttributes,
    displayAttributes: file.displayAttributes,
    locations: new Map(file.locations),
    persons: file.persons.map((row) => fromRow(row, file.phoneAttributes, file.displayAttributes)),
  });
}
