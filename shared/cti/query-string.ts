/**
 * Query-string parsing for intake URLs. Deliberately NOT URLSearchParams: that decodes `+` as a space,
 * which turns `+33 1 23…` into ` 33 1 23…` (the bug iTop's telephony extension fixed in N°7736). Here a
 * `+` stays a `+`; only %XX escapes are decoded. Pure (no URL global), so it runs in shared/.
 */

const HEX_PAIR = /^[0-9A-Fa-f]{2}$/;

/** Bytes in the UTF-8 sequence a lead byte starts; 0 for bytes that can never start one. */
function utf8SequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * Decodes %XX escapes that form valid UTF-8 and keeps every other `%` literally, so a half-encoded value
 * (`%CallerNumber%`, `100%`) is shown as sent instead of throwing like decodeURIComponent does.
 */
export function percentDecode(value: string): string {
  let out = '';
  let i = 0;
  while (i < value.length) {
    const pair = value.slice(i + 1, i + 3);
    if (value[i] !== '%' || !HEX_PAIR.test(pair)) {
      out += value[i];
      i += 1;
      continue;
    }
    const length = utf8SequenceLength(parseInt(pair, 16));
    const chunk = value.slice(i, i + 3 * length);
    if (length > 0 && /^(?:%[0-9A-Fa-f]{2})+$/.test(chunk) && chunk.length === 3 * length) {
      try {
        out += decodeURIComponent(chunk);
        i += chunk.length;
        continue;
      } catch {
        // Overlong form, surrogate or bad continuation byte: fall through and keep it literally.
      }
    }
    out += value.slice(i, i + 3);
    i += 3;
  }
  return out;
}

export interface QueryParam {
  /** Decoded name. */
  readonly name: string;
  /** Decoded value. */
  readonly value: string;
  /** The value before decoding (macros are looked for in both forms). */
  readonly raw: string;
}

/** Splits `a=1&b=2` (without the leading `?`; a `#fragment` is dropped) into decoded parameters, in order. */
export function parseQueryString(query: string): QueryParam[] {
  const withoutFragment = query.split('#', 1)[0] ?? '';
  const params: QueryParam[] = [];
  for (const part of withoutFragment.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = eq === -1 ? part : part.slice(0, eq);
    const raw = eq === -1 ? '' : part.slice(eq + 1);
    params.push({ name: percentDecode(rawName), value: percentDecode(raw), raw });
  }
  return params;
}

/** The first parameter called `name` (names compare exactly, as PHP's $_GET does). */
export function findParam(params: readonly QueryParam[], name: string): QueryParam | undefined {
  return params.find((p) => p.name === name);
}
