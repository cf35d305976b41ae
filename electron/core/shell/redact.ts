/**
 * Removes secrets from log text: the known secret values themselves (password, tokens) and anything
 * that looks like a credential by its shape (auth_pwd=…, "password": "…", Authorization headers,
 * user:password@ in URLs). Logs are attached to support tickets; secrets must never be in them.
 */
export const REDACTED = '***';

/** Values shorter than this are not searched for (they would blank out ordinary words and digits). */
export const MIN_SECRET_LENGTH = 4;

const SHAPES: readonly [RegExp, string][] = [
  // key=value in query strings and form bodies, "key": "value" in JSON
  [/((?:auth_pwd|auth_token|password|passwd|pwd|token|secret|api[_-]?key)["']?\s*[:=]\s*["']?)([^"'&\s,;}]+)/gi, `$1${REDACTED}`],
  [/(authorization["']?\s*[:=]\s*["']?(?:basic|bearer|token)\s+)([^"'\s,;}]+)/gi, `$1${REDACTED}`],
  [/\b([a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:)([^@\s/]+)@/gi, `$1${REDACTED}@`],
];

export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  const values = [...new Set(secrets)].filter((s) => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  for (const value of values) {
    out = out.split(value).join(REDACTED);
    // URL-encoded and base64 forms travel in query strings and Authorization headers.
    const encoded = encodeURIComponent(value);
    if (encoded !== value) out = out.split(encoded).join(REDACTED);
  }
  for (const [pattern, replacement] of SHAPES) out = out.replace(pattern, replacement);
  return out;
}
