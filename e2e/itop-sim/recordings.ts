/**
 * Parser of the iTop recordings in /work/shared/itop-samples (see 00-INDEX.txt): the request as
 * sent (method, path, headers, raw and decoded body) and the raw response (status, headers, body).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Recording {
  /** File name without extension, e.g. "05-create-userrequest". */
  readonly name: string;
  /** Leading id, e.g. "05" or "06b". */
  readonly id: string;
  readonly title: string;
  readonly authMode: string;
  readonly method: string;
  readonly path: string;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly rawBody: string;
  /** Decoded form fields in order, or undefined for a raw (non-form) body. */
  readonly fields: readonly (readonly [string, string])[] | undefined;
  readonly status: number;
  readonly responseHeaders: Readonly<Record<string, string>>;
  readonly responseBody: string;
}

export const RECORDINGS_DIR = '/work/shared/itop-samples';

export function loadRecordings(dir = RECORDINGS_DIR): Recording[] {
  return readdirSync(dir)
    .filter((f) => /^\d\d[a-z]?-.*\.txt$/.test(f) && !f.startsWith('00-'))
    .sort()
    .map((f) => parseRecording(f.replace(/\.txt$/, ''), readFileSync(join(dir, f), 'utf8')));
}

export function parseRecording(name: string, text: string): Recording {
  const section = (title: string): string => {
    const start = text.indexOf(`=== ${title}`);
    if (start < 0) throw new Error(`${name}: no "=== ${title}" section`);
    const bodyStart = text.indexOf('\n', start) + 1;
    const next = text.indexOf('\n=== ', bodyStart - 1);
    return text.slice(bodyStart, next < 0 ? text.length : next + 1);
  };
  const meta = (key: string): string => new RegExp(`^### ${key}: (.*)$`, 'm').exec(text)?.[1] ?? '';
  const [requestLine = '', ...headerLines] = section('REQUEST (headers').split('\n').filter((l) => l !== '');
  const [method = '', path = ''] = requestLine.split(' ');
  const decoded = section('REQUEST BODY (decoded').replace(/\n+$/, '');
  const fieldLines = decoded.split('\n').filter((l) => l !== '');
  const isForm = fieldLines.length > 0 && fieldLines.every((l) => /^[a-z_]+ = /.test(l));
  const response = section('RESPONSE').replace(/\n+$/, '');
  const blank = response.indexOf('\n\n');
  const [statusLine = '', ...responseHeaderLines] = response.slice(0, blank).split('\n');
  return {
    name,
    id: /^(\d\d[a-z]?)-/.exec(name)?.[1] ?? name,
    title: /^### (.*)$/m.exec(text)?.[1] ?? '',
    authMode: meta('auth mode'),
    method,
    path,
    requestHeaders: headerMap(headerLines),
    rawBody: section('REQUEST BODY (raw').replace(/\n$/, ''),
    fields: isForm ? fieldLines.map((l) => [l.slice(0, l.indexOf(' = ')), l.slice(l.indexOf(' = ') + 3)] as const) : undefined,
    status: Number(statusLine.split(' ')[1]),
    responseHeaders: headerMap(responseHeaderLines),
    responseBody: response.slice(blank + 2),
  };
}

function headerMap(lines: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of lines) {
    const colon = l.indexOf(':');
    if (colon > 0) out[l.slice(0, colon).toLowerCase()] = l.slice(colon + 1).trim();
  }
  return out;
}
