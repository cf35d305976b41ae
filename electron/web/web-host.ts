import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CONTRACT_SOCKET_PATH } from '../../shared/contract/web-frames';
import { fail, ok, type Result } from '../../shared/result';
import type { Companion } from '../core/app/companion-port';
import { encodeEvent, serveContractSocket, type WebHostLog } from './contract-socket';
import { readLinkQuery } from './deep-link-query';
import { securityHeaders } from './security-headers';
import { readStaticFile } from './static-files';
import { isOwnOriginRequest, parseRequestTarget } from './request-guard';
import { createWebSessions } from './web-session';

export interface WebHostDeps {
  companion: Companion;
  /** 0 picks a free port. */
  port: number;
  staticDir: string;
  log: WebHostLog;
  /** Fixed first sign-in token for tests; a random one otherwise. */
  token?: string;
  /** How long a sign-in link works (single use); default 2 minutes. */
  tokenTtlMs?: number;
  now?: () => number;
}

export interface RunningWebHost {
  readonly port: number;
  readonly origin: string;
  /** The URL to open once: it carries the start-up token (single use, short-lived). */
  readonly url: string;
  /** A fresh sign-in URL (single use, short-lived) for another browser or after the first expired. */
  signInUrl(): string;
  close(): Promise<void>;
}

export interface WebHost {
  start(): Promise<Result<RunningWebHost>>;
}

const HOST = '127.0.0.1';
/** Telephony imports are ≤ 500 kB of text; anything much larger is not a contract frame. */
const MAX_FRAME_BYTES = 2 * 1024 * 1024;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Web mode: the built renderer and the contract, on loopback only. Every request must carry the session
 * cookie of this port, obtained with a single-use sign-in token; the contract socket and `?link=`
 * additionally require this host's own origin (so a page served by another local port cannot drive the
 * companion with the agent's cookie) and a matching Host header (DNS rebinding). No request can end the
 * process: a handler that throws is logged and answered.
 */
export function createWebHost(deps: WebHostDeps): WebHost {
  const sockets = new Set<WebSocket>();

  return {
    async start() {
      const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
      let origin = '';
      // Only the exact loopback origin: a rebinding DNS name pointing at 127.0.0.1 carries another Host.
      const hostAllowed = (req: IncomingMessage) => `http://${req.headers.host ?? ''}` === origin;

      let sessions = createWebSessions({ port: 0, now: deps.now ?? Date.now });
      const server = createServer((req, res) => {
        handleHttp(req, res).catch((e: unknown) => {
          deps.log.error(`web host: ${req.method ?? '?'} request failed: ${errorText(e)}`);
          if (!res.headersSent) {
            res.writeHead(500, { ...securityHeaders(origin), 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
            res.end('The companion could not handle this request.');
          } else res.destroy();
        });
      });
      // A malformed request line never reaches the handler: answer it instead of leaving the socket hanging.
      server.on('clientError', (_e, socket) => {
        if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        else socket.destroy();
      });
      const handleHttp = async (req: IncomingMessage, res: ServerResponse) => {
        const headers = securityHeaders(origin);
        const reply = (status: number, body: string, extra: Record<string, string> = {}) => {
          res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
          res.end(body);
        };
        if (!hostAllowed(req)) return reply(403, 'Forbidden: unexpected Host header.');
        if (req.method !== 'GET' && req.method !== 'HEAD') return reply(405, 'Method not allowed.', { Allow: 'GET, HEAD' });
        const url = parseRequestTarget(req.url, origin);
        if (url === null) return reply(400, 'Bad request target.');
        const token = url.searchParams.get('token');
        if (token !== null) {
          if (!sessions.redeemToken(token)) return reply(401, 'This sign-in link was already used, has expired, or belongs to another run of the companion. Get a new one from the terminal running it.');
          const cookie = `${sessions.cookieName}=${sessions.open()}; HttpOnly; SameSite=Strict; Path=/`;
          // Redirect so the token leaves the address bar (and the page's referrers).
          return reply(303, 'Signed in.', { 'Set-Cookie': cookie, Location: '/' });
        }
        if (!sessions.isValidCookieHeader(req.headers.cookie, req.socket.localPort)) return reply(401, 'Not signed in: open the sign-in URL printed by `npm start` (it works once, for 2 minutes).');
        // A deep link handed to the core (web mode has no OS protocol handler); dials wait for the agent.
        const link = readLinkQuery(url);
        if (!link.ok) return reply(400, `Link refused: ${link.error.message}.`);
        if (link.value !== null && !isOwnOriginRequest(req.headers, origin, true)) {
          deps.log.warn('web host: link refused (sent by a page of another origin)');
          return reply(403, 'Link refused: it came from a page of another origin. Paste it in the address bar of the signed-in tab.');
        }
        if (link.value !== null) {
          const handled = deps.companion.handleLink ? await deps.companion.handleLink(link.value, 'deep-link') : null;
          if (handled && !handled.ok) deps.log.warn(`web host: link refused (${handled.error.message})`);
          if (handled && !handled.ok) return reply(400, `Link refused: ${handled.error.message}`);
          return reply(303, 'Link received.', { Location: '/' });
        }
        const file = await readStaticFile(deps.staticDir, url.pathname);
        if (file === 'forbidden') return reply(403, 'Forbidden path.');
        if (file === 'not-found') return reply(url.pathname === '/' ? 503 : 404, url.pathname === '/' ? 'The renderer is not built: run `npm run build`.' : 'Not found.');
        res.writeHead(200, { ...headers, 'Content-Type': file.type, 'Cache-Control': file.cacheControl, 'Content-Length': String(file.body.length) });
        res.end(req.method === 'HEAD' ? undefined : file.body);
      };

      const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
        const refuse = (status: number, reason: string) => {
          deps.log.warn(`web host: contract socket refused (${reason})`);
          socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
        };
        socket.on('error', (e) => deps.log.warn(`web host: socket error: ${e.message}`));
        const url = parseRequestTarget(req.url, origin);
        if (url === null) return refuse(400, 'Bad Request');
        if (url.pathname !== CONTRACT_SOCKET_PATH) return refuse(404, 'Not Found');
        if (!hostAllowed(req)) return refuse(403, 'Forbidden');
        if (req.headers.origin === undefined || !isOwnOriginRequest(req.headers, origin, false)) return refuse(403, 'Forbidden');
        if (!sessions.isValidCookieHeader(req.headers.cookie, req.socket.localPort)) return refuse(401, 'Unauthorized');
        wss.handleUpgrade(req, socket, head, (ws) => {
          sockets.add(ws);
          ws.on('close', () => sockets.delete(ws));
          ws.on('error', (e) => deps.log.warn(`web host: contract socket error: ${e.message}`));
          serveContractSocket(ws, deps.companion, deps.log);
        });
      };
      server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
        try {
          upgrade(req, socket, head);
        } catch (e) {
          deps.log.error(`web host: upgrade failed: ${errorText(e)}`);
          socket.destroy();
        }
      });

      const listening = await new Promise<Result<number>>((resolve) => {
        server.once('error', (e: NodeJS.ErrnoException) =>
          resolve(fail(e.code === 'EADDRINUSE' ? 'port-in-use' : 'listen-failed', `web host: cannot listen on ${HOST}:${deps.port} (${e.message})`)),
        );
        server.listen(deps.port, HOST, () => resolve(ok((server.address() as { port: number }).port)));
      });
      if (!listening.ok) return listening;
      const port = listening.value;
      origin = `http://${HOST}:${port}`;
      // Sessions are bound to the port, known only now (0 asks the system for a free one).
      sessions = createWebSessions({ port, now: deps.now ?? Date.now, ...(deps.tokenTtlMs ? { tokenTtlMs: deps.tokenTtlMs } : {}), ...(deps.token ? { firstToken: deps.token } : {}) });
      const signInUrl = () => `${origin}/?token=${encodeURIComponent(sessions.issueToken())}`;

      const offEvents = deps.companion.onEvent((channel, payload) => {
        const frame = encodeEvent(channel, payload, deps.log);
        if (frame === null) return;
        for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(frame);
      });

      return ok({
        port,
        origin,
        url: signInUrl(),
        signInUrl,
        async close() {
          offEvents();
          for (const ws of sockets) ws.terminate();
          wss.close();
          server.closeAllConnections();
          await new Promise<void>((r) => server.close(() => r()));
        },
      });
    },
  };
}
