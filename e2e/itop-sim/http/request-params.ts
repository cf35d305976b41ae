/**
 * PHP's view of a request: $_GET from the query string, $_POST from an urlencoded or multipart body,
 * $_FILES from multipart file parts. Any other body (raw JSON included) is invisible, as in PHP.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface PhpRequest {
  readonly get: ReadonlyMap<string, string>;
  readonly post: ReadonlyMap<string, string>;
  readonly files: ReadonlyMap<string, string>;
  readonly headers: IncomingHttpHeaders;
}

/** utils::ReadParam: $_REQUEST, where POST wins over GET (request_order "GP"). */
export function readParam(req: PhpRequest, name: string): string | undefined {
  return req.post.get(name) ?? req.get.get(name);
}

/** utils::ReadPostedParam: POST body only. */
export function readPostedParam(req: PhpRequest, name: string): string | undefined {
  return req.post.get(name);
}

export function parsePhpRequest(url: string, headers: IncomingHttpHeaders, body: Buffer): PhpRequest {
  const queryStart = url.indexOf('?');
  const get = parseUrlEncoded(queryStart >= 0 ? url.slice(queryStart + 1) : '');
  const contentType = headers['content-type'] ?? '';
  const post = new Map<string, string>();
  const files = new Map<string, string>();
  if (/^application\/x-www-form-urlencoded/i.test(contentType)) {
    for (const [k, v] of parseUrlEncoded(body.toString('utf8'))) post.set(k, v);
  } else if (/^multipart\/form-data/i.test(contentType)) {
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    const b = boundary?.[1] ?? boundary?.[2];
    if (b) parseMultipart(body, b, post, files);
  }
  return { get, post, files, headers };
}

/** Later duplicates win, as in PHP. "+" is a space; malformed %-sequences are kept as typed. */
function parseUrlEncoded(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodeComponent(eq >= 0 ? pair.slice(0, eq) : pair);
    if (key !== '') out.set(key, decodeComponent(eq >= 0 ? pair.slice(eq + 1) : ''));
  }
  return out;
}

function decodeComponent(s: string): string {
  const spaced = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    // PHP's urldecode decodes the valid %XX sequences and leaves the rest alone.
    const bytes: number[] = [];
    for (let i = 0; i < spaced.length; i++) {
      const hex = spaced.slice(i + 1, i + 3);
      if (spaced[i] === '%' && /^[0-9a-fA-F]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
      } else {
        bytes.push(...Buffer.from(spaced[i] ?? '', 'utf8'));
      }
    }
    return Buffer.from(bytes).toString('utf8');
  }
}

function parseMultipart(body: Buffer, boundary: string, post: Map<string, string>, files: Map<string, string>): void {
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  while (pos >= 0) {
    const start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') return;
    const next = body.indexOf(delimiter, start);
    if (next < 0) return;
    const part = body.subarray(start, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd >= 0) {
      const head = part.subarray(0, headerEnd).toString('utf8');
      // The part ends with the CRLF that precedes the next delimiter.
      const content = part.subarray(headerEnd + 4, Math.max(headerEnd + 4, part.length - 2)).toString('utf8');
      const disposition = /content-disposition:[^\r\n]*/i.exec(head)?.[0] ?? '';
      const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
      const isFile = /\bfilename="/i.test(disposition);
      if (name !== undefined && name !== '') (isFile ? files : post).set(name, content);
    }
    pos = next;
  }
}
