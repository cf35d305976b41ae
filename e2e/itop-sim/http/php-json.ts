/**
 * Response bytes as iTop 3.x writes them: PHP json_encode (escapes "/" as "\/", every non-ASCII UTF-16
 * unit as \uXXXX in lower case), applied after a json_decode(…, true) round trip, which turns empty
 * objects into [] and objects keyed "0".."n-1" into lists (rest.php:253-276).
 */
import type { JsonValue } from '../store/read';

export function phpJsonEncode(value: JsonValue): string {
  return JSON.stringify(roundTrip(value))
    .replace(/\//g, '\\/')
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function roundTrip(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(roundTrip);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.every((k, i) => k === String(i))) return keys.map((k) => roundTrip(value[k] as JsonValue));
  // No prototype: a "__proto__" key from client data must stay a plain key.
  const out = Object.create(null) as { [k: string]: JsonValue };
  for (const k of keys) out[k] = roundTrip(value[k] as JsonValue);
  return out;
}
