import { z } from 'zod';
import { STORED_READINGS } from './match-rules';
import { isShortStoredKeys, type PackedKeys } from './stored-keys-text';
import type { PersonRecord } from './person-record';

/**
 * The Persons of a saved index as plain lines after the JSON header: a line per Person, tab-separated fields,
 * numbers separated by RS and their parts by US. JSON.parse of 100k nested arrays and key objects took seconds
 * (measured, 25 MB); scanning lines of bytes keeps "load from disk" well under a second.
 *
 * Line: id, name, orgId, orgName, locationId, locationName, email, inactive (0/1), region, numbers, display…
 * Number: attribute index US raw US keys, where keys is '' (not a number), the short text of stored-keys-text.ts (the usual
 * keys with an E.164), or the StoredKeys object as JSON, as keyStored gave it.
 * Display values equal to the name, organization, location or e-mail are written `\0k` (k = 0..3).
 */
const RS = '\u001e';
const US = '\u001f';
const OWN = '\u0000';
const ESCAPED = /\\(.)/g;
const CODES: Record<string, string> = { t: '\t', n: '\n', r: '\u001e', u: '\u001f', z: '\u0000', '\\': '\\' };
const NAMES: Record<string, string> = { '\t': 't', '\n': 'n', '\u001e': 'r', '\u001f': 'u', '\u0000': 'z', '\\': '\\' };

/** Separators and the escape character itself, written as `\\` + a letter (a loop: lint refuses control characters in a RegExp). */
function esc(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i += 1) {
    const name = NAMES[text.charAt(i)];
    if (name === undefined) continue;
    out += `${text.slice(from, i)}\\${name}`;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
const unesc = (text: string): string => (text.includes('\\') ? text.replace(ESCAPED, (_, c: string) => CODES[c] ?? c) : text);

export interface RowPerson {
  readonly person: PersonRecord;
  readonly region: string;
  /** Each number's keys as the key cache keeps them (index-keys.ts), written and read back as they are. */
  readonly keys: readonly PackedKeys[];
}

const keysText = (keys: PackedKeys): string => (keys === null ? '' : esc(typeof keys === 'string' ? keys : JSON.stringify(keys)));

// Keys without a short form are kept as JSON, checked on the way back in.
const Keys = z.looseObject({
  digits: z.string(),
  e164: z.string().optional(),
  certain: z.boolean(),
  reading: z.enum(STORED_READINGS),
});

/** undefined = the text does not read (the file is damaged). */
function readKeys(text: string): PackedKeys | undefined {
  if (text === '') return null;
  const raw = unesc(text);
  if (!raw.startsWith('{')) return isShortStoredKeys(raw) ? raw : undefined;
  try {
    const parsed = Keys.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** One Person's line, without its newline. */
export function encodeRow({ person, region, keys }: RowPerson, phoneAttributes: readonly string[], displayAttributes: readonly string[]): string {
  const own = [person.name, person.orgName, person.locationName, person.email];
  const numbers = person.phones.map((p, i) => `${Math.max(0, phoneAttributes.indexOf(p.attribute))}${US}${esc(p.raw)}${US}${keysText(keys[i] ?? null)}`).join(RS);
  const fields = person.fields;
  const display = displayAttributes.map((code) => {
    const value = fields[code] ?? '';
    const k = value === '' ? -1 : own.indexOf(value);
    return k >= 0 ? `${OWN}${k}` : esc(value);
  });
  const base = [person.id, person.name, person.orgId, person.orgName, person.locationId, person.locationName, person.email].map(esc);
  return [...base, person.inactive ? '1' : '0', esc(region), numbers, ...display].join('\t');
}

export function encodeRows(persons: readonly RowPerson[], phoneAttributes: readonly string[], displayAttributes: readonly string[]): string {
  return persons.map((row) => encodeRow(row, phoneAttributes, displayAttributes)).join('\n');
}

const ID = /^\d+$/;
const NL = 0x0a;
const TAB = 0x09;

/**
 * The Persons in `bytes` from `start` to `end`, or the number of the first line that does not read (the file
 * is then not used).
 */
export function decodeRows(bytes: Buffer, start: number, end: number, phoneAttributes: readonly string[], displayAttributes: readonly string[]): { ok: true; persons: RowPerson[] } | { ok: false; line: number } {
  const persons: RowPerson[] = [];
  for (let pos = start, n = 1; pos < end; n += 1) {
    const found = bytes.indexOf(NL, pos);
    const stop = found < 0 || found > end ? end : found;
    const person = decodeRow(bytes, pos, stop, phoneAttributes, displayAttributes);
    if (!person) return { ok: false, line: n };
    persons.push(person);
    pos = stop + 1;
  }
  return { ok: true, persons };
}

/**
 * One line (`start` to `end`, without its newline); undefined when it does not read. Cells are read from the
 * bytes one by one: a string split out of one big text would keep that whole text alive (V8 slices).
 */
export function decodeRow(bytes: Buffer, start: number, end: number, phoneAttributes: readonly string[], displayAttributes: readonly string[]): RowPerson | undefined {
  const width = 10 + displayAttributes.length;
  const cells = new Array<string>(width);
  let count = 0;
  for (let at = start; count < width; ) {
    const tab = bytes.indexOf(TAB, at);
    const stop = tab < 0 || tab > end ? end : tab;
    cells[count] = bytes.toString('utf8', at, stop);
    count += 1;
    if (stop === end) break;
    at = stop + 1;
  }
  return count === width ? readLine(cells, phoneAttributes, displayAttributes) : undefined;
}

function readLine(cells: readonly string[], phoneAttributes: readonly string[], displayAttributes: readonly string[]): RowPerson | undefined {
  if (!ID.test(cells[0] ?? '') || (cells[7] !== '0' && cells[7] !== '1')) return undefined;
  const id = cells[0] ?? '';
  const name = unesc(cells[1] ?? '');
  const orgId = unesc(cells[2] ?? '');
  const orgName = unesc(cells[3] ?? '');
  const locationId = unesc(cells[4] ?? '');
  const locationName = unesc(cells[5] ?? '');
  const email = unesc(cells[6] ?? '');
  const phones: { attribute: string; raw: string }[] = [];
  const keys: PackedKeys[] = [];
  for (const number of cells[9] === '' ? [] : (cells[9] ?? '').split(RS)) {
    const [a, raw, packed] = number.split(US);
    const attribute = phoneAttributes[Number(a)];
    const parsed = readKeys(packed ?? '');
    if (attribute === undefined || raw === undefined || parsed === undefined) return undefined;
    phones.push({ attribute, raw: unesc(raw) });
    keys.push(parsed);
  }
  const own = [name, orgName, locationName, email];
  const fields: Record<string, string> = {};
  displayAttributes.forEach((code, i) => {
    const value = cells[10 + i] ?? '';
    if (value !== '') fields[code] = value.startsWith(OWN) ? (own[Number(value.slice(1))] ?? '') : unesc(value);
  });
  return { person: { id, name, orgId, orgName, locationId, locationName, email, inactive: cells[7] === '1', phones, fields }, region: unesc(cells[8] ?? ''), keys };
}
