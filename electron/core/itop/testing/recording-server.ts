import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';

/**
 * A real loopback HTTP server for tests that must see the exact bytes the client sends, or that need HTTP
 * misbehaviour the iTop simulator does not produce (redirects, a body that stalls, a reset mid-reply).
 * It answers with replies recorded from a live iTop, never with invented iTop JSON.
 */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  rawBody: string;
  /** The urlencoded body decoded as PHP would. */
  form: URLSearchParams;
  /** `json_data`, parsed. */
  json: Record<string, unknown>;
}

export type Responder = (req: RecordedRequest, res: ServerResponse) => void;

export interface RecordingServer {
  baseUrl: string;
  requests: RecordedRequest[];
  respondWith(responder: Responder): void;
  close(): Promise<void>;
}

const replies = JSON.parse(readFileSync(new URL('../__fixtures__/itop-3.2.0-replies.json', import.meta.url), 'utf8')) as Record<string, string>;

/** A body recorded from iTop 3.2.0 (see __fixtures__/itop-3.2.0-replies.json). */
export function recordedReply(name: string): string {
  const body = replies[name];
  if (body === undefined) throw new Error(`no recorded reply named ${name}`);
  return body;
}

/** Answers like iTop does: HTTP 200, `Content-type: application/json`, the recorded body. */
export const replyWith =
  (name: string): Responder =>
  (_req, res) => {
    res.writeHead(200, { 'Content-type': 'application/json' });
    res.end(recordedReply(name));
  };

export async function startRecordingServer(): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  let responder: Responder = replyWith('01-list_operations');
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const form = new URLSearchParams(rawBody);
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(form.get('json_data') ?? '{}') as Record<string, unknown>;
      } catch {
        // Recorded as {}; the test asserting on it will fail.
      }
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, rawBody, form, json };
      requests.push(recorded);
      responder(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    respondWith: (r) => {
      responder = r;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
