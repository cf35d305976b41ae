/**
 * The simulator's HTTP server: `/webservices/rest.php` (GET and POST, iTop semantics), plus the
 * test hooks `/__sim/control` and `/__sim/stats`. Faults and latency apply to REST requests only.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { controlUpdateSchema, phpFatalPage, type Control } from './faults';
import { parsePhpRequest, type PhpRequest } from './request-params';
import type { Stats } from './stats';

export interface RestResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

export interface SimServerDeps {
  readonly handleRest: (req: PhpRequest) => RestResponse;
  readonly control: Control;
  readonly stats: Stats;
}

export interface SimServer {
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

export const REST_PATH = '/webservices/rest.php';
// PHP drops the whole POST body beyond post_max_size; so do we, without buffering it.
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export function createSimServer(deps: SimServerDeps): SimServer {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    readBody(req)
      .then((body) => route(req, res, body))
      .catch((e: unknown) => sendText(res, 500, 'text/plain', `itop-sim internal error: ${String(e)}`));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  function route(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/__sim/control') return handleControl(req, res, body);
    if (path === '/__sim/stats') return handleStats(req, res);
    if (path !== REST_PATH) return sendText(res, 404, 'text/html', '<h1>Not Found</h1>');
    if (req.method !== 'GET' && req.method !== 'POST') return sendText(res, 405, 'text/html', '<h1>Method Not Allowed</h1>');
    const php = parsePhpRequest(req.url ?? '', req.headers, body);
    deps.stats.record(operationOf(php));
    const { fault, nonJsonStatus } = deps.control.get();
    if (fault === 'down') {
      req.socket.destroy();
      return;
    }
    if (fault === 'hang') return; // the socket stays open until the client gives up or the server stops
    const answer = (): RestResponse => {
      if (fault === 'http500') return { status: 500, contentType: 'text/html; charset=iso-8859-1', body: '<h1>Internal Server Error</h1>\n' };
      if (fault === 'non-json') return { status: nonJsonStatus, contentType: 'text/html; charset=UTF-8', body: phpFatalPage('Error: simulated fault') };
      return deps.handleRest(php);
    };
    const delay = deps.control.delayMs();
    if (delay <= 0) return sendRest(res, answer());
    const t = setTimeout(() => {
      timers.delete(t);
      // The fault may have changed while waiting: a request in flight when 'down' is set dies too.
      if (deps.control.get().fault === 'down') return void req.socket.destroy();
      sendRest(res, answer());
    }, delay);
    timers.add(t);
  }

  function handleControl(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    if (req.method === 'GET') return sendJson(res, 200, deps.control.get());
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'use GET or POST' });
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, { error: 'body must be JSON: { latencyMs?, jitterMs?, fault?, nonJsonStatus? }' });
    }
    if (typeof parsed === 'object' && parsed !== null && (parsed as { reset?: unknown }).reset === true) {
      return sendJson(res, 200, deps.control.reset());
    }
    const patch = controlUpdateSchema.safeParse(parsed);
    if (!patch.success) return sendJson(res, 400, { error: `invalid control update: ${patch.error.message}` });
    sendJson(res, 200, deps.control.update(patch.data));
  }

  function handleStats(req: IncomingMessage, res: ServerResponse): void {
    if (req.method === 'DELETE') deps.stats.reset();
    sendJson(res, 200, deps.stats.snapshot());
  }

  return {
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const addr = server.address();
          resolve(typeof addr === 'object' && addr ? addr.port : port);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : Buffer.alloc(0)));
    req.on('error', reject);
  });
}

/** Best-effort operation name for the stats, read before authentication like a proxy log would. */
function operationOf(req: PhpRequest): string {
  const raw = req.post.get('json_data') ?? req.get.get('json_data') ?? req.files.get('json_data');
  try {
    const op = (JSON.parse(raw ?? '') as { operation?: unknown }).operation;
    return typeof op === 'string' ? op : '(none)';
  } catch {
    return '(none)';
  }
}

let sessionCounter = 0;
function sendRest(res: ServerResponse, r: RestResponse): void {
  sessionCounter += 1;
  // A flat [name, value, …] list keeps iTop's header spelling ("Content-type").
  res.writeHead(r.status, [
    'X-Powered-By', 'PHP/8.2.36',
    'Set-Cookie', `itop-8cbd17fda5ddc83fb900541851aae331=sim${sessionCounter.toString(36).padStart(8, '0')}; path=/`,
    'Expires', 'Thu, 19 Nov 1981 08:52:00 GMT',
    'Cache-Control', 'no-store, no-cache, must-revalidate',
    'Pragma', 'no-cache',
    'Access-Control-Allow-Origin', '*',
    'Content-type', r.contentType,
    'Content-Length', String(Buffer.byteLength(r.body)),
  ]);
  res.end(r.body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  sendText(res, status, 'application/json', JSON.stringify(value));
}

function sendText(res: ServerResponse, status: number, contentType: string, body: string): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
