import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail, ok, type Result } from '../../../shared/result';

/** Small HTTP helpers for the intake endpoints: bounded body reading and JSON answers. */

/** Reads the body up to `limit` bytes; beyond that the request is answered 413 by the caller. */
export function readBody(req: IncomingMessage, limit: number): Promise<Result<string>> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      resolve(fail('body-too-large', `Request body is ${declared} bytes; at most ${limit} are accepted`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        settled = true;
        resolve(fail('body-too-large', `Request body exceeds ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!settled) resolve(ok(Buffer.concat(chunks).toString('utf8')));
      settled = true;
    });
    req.on('error', (error) => {
      if (!settled) resolve(fail('body-unreadable', `Request body could not be read: ${error.message}`));
      settled = true;
    });
  });
}

const COMMON_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...COMMON_HEADERS, ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string>): void {
  res.writeHead(status, { ...COMMON_HEADERS, ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html) });
  res.end(html);
}

export function sendError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: { code, message } }, headers);
}
