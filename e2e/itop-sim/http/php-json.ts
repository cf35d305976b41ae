/**
 * Response bytes as iTop 3.x writes them: PHP json_encode (escapes "/" as "\/", every non-ASCII UTF-16
 * unit as \uXXXX in lower case), applied after a json_decode(…, true) round trip, which turns empty
 * objects into [] and objects keyed "0".."n-1" into lists (rest.php:253-276).
 */
import type { JsonValue } from '../store/read';

export function phpJsonEncode(value: JsonValue): string {
  return JSON.stringify(roundTrip(value)).replace(PHP_ESCAPED, phpEscape);
}

// One pass for both escapes: "\/" is ASCII, so escaping "/" first or last gives the same text.
const PHP_ESCAPED = /[/\u0080-\uffff]/g;
const escapes = new Map<string, string>();
function phpEscape(c: string): string {
  let escaped = escapes.get(c);
  if (escaped === undefined) {
    escaped = c === '/' ? '\\/' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    escapes.set(c, escaped);
  }
  return escaped;
}

/**
 * The json_decode round trip. Values it leaves as they are come back as the very same objects, so a
 * 5,000-object page is not copied before JSON.stringify reads it.
 */
function roundTrip(value: JsonValue): JsonValue {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: JsonValue[] | null = null;
    for (let i = 0; i < value.length; i += 1) {
      const item = value[i] as JsonValue;
      const converted = roundTrip(item);
      if (converted !== item && copy === null) copy = value.slice(0, i);
      if (copy !== null) copy.push(converted);
    }
    return copy ?? value;
  }
  const keys = Object.keys(value);
  if (keys.every((k, i) => k === String(i))) return keys.map((k) => roundTrip(value[k] as JsonValue));
  let out: { [k: string]: JsonValue } | null = null;
  for (let i = 0; i < keys.length; i += 1) {
    const k = keys[i] as string;
    const child = value[k] as JsonValue;
    const converted = roundTrip(child);
    if (converted !== child && out === null) {
      // No prototype: a "__proto__" key from client data must stay a plain key.
      out = Object.create(null) as { [k: string]: JsonValue };
      for (const earlier of keys.slice(0, i)) out[earlier] = value[earlier] as JsonValue;
    }
    if (out !== null) out[k] = converted;
  }
  return out ?? value;
}
