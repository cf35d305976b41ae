import { hasControlChars, preview } from '../cti/raw-number';
import { fail, ok, type Result } from '../result';

/**
 * The "url" dialing method: the telephony extension's `ecall_parameters.url` plus its URL parameters, as in
 * the extension's E-Call (`https://myctiserver/index.php?telephone=0123456789&mailaddress=…`). Values are
 * percent-encoded here, so a leading "+" travels as %2B and is never read as a space (extension fix N°7736).
 * The template may also hold `{dialString}`, `{e164}` or `{number}` (= dialString) anywhere, fragment included,
 * for CTI web clients that take the number in the path or fragment (3CX: `https://pbx/webclient/#/call?phone={number}`).
 */
export const MAX_DIAL_URL_LENGTH = 4096;
export const MAX_TEMPLATE_LENGTH = 2048;

/** URL parameter name → value, in the configured order. */
export type UrlParams = readonly (readonly [name: string, value: string])[];

export interface TemplateValues {
  readonly dialString: string;
  readonly e164?: string;
}

// Only absolute http(s) URLs with a host: a template is configuration, but it is opened by the OS, so
// javascript:, file:, data: and friends must never get through even from a tampered config file.
const HTTP_URL = /^https?:\/\/[^\s/?#@]+(?:[/?#]|$)/i;
const PLACEHOLDER = /\{(dialString|e164|number)\}/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * RFC 3986 strict percent-encoding of one name or value: everything but unreserved characters is escaped
 * ("+" → %2B, " " → %20, "'" → %27). Lone surrogates (which encodeURIComponent throws on) become U+FFFD.
 */
export function encodeUrlComponent(value: string): string {
  return encodeURIComponent(String(value).replace(LONE_SURROGATE, '\uFFFD')).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Checks a template before any value is put into it; the error says what is wrong with it. */
export function checkUrlTemplate(template: unknown): Result<string> {
  if (typeof template !== 'string' || template.trim() === '') return fail('dial.url-missing', 'No URL is configured for dialing (telephony.ecall_parameters.url)');
  const url = template.trim();
  if (url.length > MAX_TEMPLATE_LENGTH) return fail('dial.url-invalid', `The dial URL is ${url.length} characters long; at most ${MAX_TEMPLATE_LENGTH} are accepted`);
  if (hasControlChars(url) || /\s/.test(url)) return fail('dial.url-invalid', `The dial URL "${preview(url)}" contains spaces or control characters`);
  if (!HTTP_URL.test(url)) return fail('dial.url-invalid', `The dial URL "${preview(url)}" must start with http:// or https:// and a host name`);
  return ok(url);
}

/** The template with its placeholders filled and the parameters appended to its query (before any fragment). */
export function buildDialUrl(template: string, params: UrlParams, values: TemplateValues): Result<string> {
  const checked = checkUrlTemplate(template);
  if (!checked.ok) return checked;
  const filled = checked.value.replace(PLACEHOLDER, (_m, name: string) =>
    encodeUrlComponent(name === 'e164' ? (values.e164 ?? values.dialString) : values.dialString),
  );
  const hash = filled.indexOf('#');
  const [beforeHash, fragment] = hash === -1 ? [filled, ''] : [filled.slice(0, hash), filled.slice(hash)];
  const query = params.map(([name, value]) => `${encodeUrlComponent(name)}=${encodeUrlComponent(value)}`).join('&');
  const joiner = query === '' ? '' : !beforeHash.includes('?') ? '?' : /[?&]$/.test(beforeHash) ? '' : '&';
  const url = `${beforeHash}${joiner}${query}${fragment}`;
  if (url.length > MAX_DIAL_URL_LENGTH) return fail('dial.url-too-long', `The dial URL would be ${url.length} characters long; at most ${MAX_DIAL_URL_LENGTH} are accepted`);
  return ok(url);
}
