import { STORED_READINGS as READINGS, type StoredKeys } from './match-rules';

/**
 * The usual StoredKeys (a number read to an E.164 whose digits are its own) as a short text, for the 140k
 * numbers the index keeps in memory and on disk: the reading's index, `c`/`u` for certain/uncertain, the E.164.
 * Anything else (no E.164, other digits, more properties) has no short form and is kept as it is.
 */
const SHORT = /^(\d)([cu])(\+\d{1,15})$/;

export function shortStoredKeys(keys: StoredKeys): string | undefined {
  const reading = READINGS.indexOf(keys.reading);
  if (keys.e164 === undefined || keys.digits !== keys.e164.slice(1) || reading < 0 || Object.keys(keys).length !== 4) return undefined;
  return `${reading}${keys.certain ? 'c' : 'u'}${keys.e164}`;
}

export function fromShortStoredKeys(text: string): StoredKeys | undefined {
  const m = SHORT.exec(text);
  const reading = m ? READINGS[Number(m[1])] : undefined;
  if (!m?.[3] || !reading) return undefined;
  return { e164: m[3], digits: m[3].slice(1), certain: m[2] === 'c', reading };
}

/** StoredKeys as the key cache and the saved index keep them: the short text when there is one, else as they are. */
export type PackedKeys = StoredKeys | string | null;
export const packKeys = (keys: StoredKeys | null): PackedKeys => (keys === null ? null : (shortStoredKeys(keys) ?? keys));
export const unpackKeys = (packed: PackedKeys): StoredKeys | null => (typeof packed === 'string' ? (fromShortStoredKeys(packed) ?? null) : packed);
/** A text from a file is kept packed only if it reads back. */
export const isShortStoredKeys = (text: string): boolean => SHORT.test(text) && fromShortStoredKeys(text) !== undefined;
