/**
 * Makes untrusted text safe to write on one log line or a terminal: C0/C1 controls (CR, LF, ESC…), DEL,
 * Unicode line separators, bidi overrides/isolates (which reorder what a reader sees) and lone surrogates
 * become visible escapes (`\n`, `\x1b`, `\u202e`). Every log sink runs its text through this, so a
 * ticket reference, a call id or an error message quoting input can never forge a line or recolour a terminal.
 */
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// C0, DEL, C1, ALM, LRM/RLM, LINE/PARAGRAPH SEPARATOR, LRE…RLO, LRI…PDI, BOM, and unpaired surrogates.
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const hex = (c: string, width: number) => c.charCodeAt(0).toString(16).padStart(width, '0');

export function escapeForLog(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? (c.charCodeAt(0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

/** One log line from a message and optional structured data (JSON), escaped. */
export function formatLogEntry(message: string, data?: Readonly<Record<string, unknown>>): string {
  if (data === undefined) return escapeForLog(message);
  let json: string;
  try {
    json = JSON.stringify(data);
  } catch {
    json = '[unserializable data]';
  }
  return escapeForLog(`${message} ${json}`);
}
