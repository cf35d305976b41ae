import type { StepRecorder } from './types';

/** The number part of a SIP/tel address, with what its parameters said. */
export interface UnwrappedAddress {
  readonly text: string;
  /** From ";ext=" (RFC 3966). */
  readonly ext?: string;
}

const NAME_ADDR = /<([^<>]*)>\s*$/;
const SCHEME = /(?:^|[\s"'<])(sips?|tel|callto):(?:\/\/)?/i;

/**
 * Unwraps `"Name" <sip:+33123@pbx;user=phone>`, `sips:…`, `tel:0123;phone-context=+33`, `callto:`
 * down to the subscriber part. Text without a URI or angle brackets is returned unchanged.
 */
export function unwrapAddress(text: string, note?: StepRecorder): UnwrappedAddress {
  let current = text;
  const bracketed = NAME_ADDR.exec(current);
  if (bracketed?.[1] !== undefined && bracketed.index > 0) {
    current = bracketed[1].trim();
    note?.(`took the address inside <…>: "${current}"`);
  } else if (bracketed?.[1] !== undefined) {
    current = bracketed[1].trim();
  }
  const scheme = SCHEME.exec(current);
  if (!scheme) return { text: current };
  const schemeName = (scheme[1] ?? '').toLowerCase();
  let rest = current.slice(scheme.index + scheme[0].length);
  rest = rest.split('?')[0] ?? ''; // URI headers never carry the number
  if (schemeName === 'sip' || schemeName === 'sips') {
    const at = rest.indexOf('@');
    rest = at >= 0 ? rest.slice(0, at) : (rest.split(';')[0] ?? '');
    note?.(`${schemeName.toUpperCase()} URI → user part "${rest}"`);
  } else {
    note?.(`${schemeName}: URI → "${rest}"`);
  }
  return applyParameters(rest, note);
}

/** Splits "number;param=value;…" and applies phone-context / ext (RFC 3966 §5.1). */
function applyParameters(subscriber: string, note?: StepRecorder): UnwrappedAddress {
  const [number = '', ...params] = subscriber.split(';');
  let text = number.trim();
  let ext: string | undefined;
  for (const param of params) {
    const eq = param.indexOf('=');
    const name = (eq >= 0 ? param.slice(0, eq) : param).trim().toLowerCase();
    const value = eq >= 0 ? param.slice(eq + 1).trim() : '';
    if (name === 'ext' && /^\d{1,10}$/.test(value.replace(/[\s.\-()]/g, ''))) {
      ext = value.replace(/\D/g, '');
      note?.(`URI parameter ext=${ext} kept as extension`);
    } else if (name === 'phone-context') {
      text = applyPhoneContext(text, value, note);
    }
  }
  return ext === undefined ? { text } : { text, ext };
}

function applyPhoneContext(text: string, context: string, note?: StepRecorder): string {
  if (text.startsWith('+')) return text;
  if (/^\+[\d\-.() ]+$/.test(context)) {
    // A global-number context: the local number lives under that prefix (usually the country code).
    const prefix = context.replace(/[^\d+]/g, '');
    note?.(`phone-context ${prefix} prepended to the local number`);
    return `${prefix}${text}`;
  }
  note?.(`phone-context "${context}" is a domain: number read as a local number`);
  return text;
}
