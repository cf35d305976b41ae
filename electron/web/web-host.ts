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
import { createWebSessions, SESSION_COOKIE } from './web-session';

export interface WebHostDeps {
  companion: Companion;
  /** 0 picks a free port. */
  port: number;
  staticDir: string;
  log: WebHostLog;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
}

export interface RunningWebHost {
  readonly port: number;
  readonly origin: string;
  /** The URL to open once: it carries the start-up token. */
  readonly url: string;
  close(): Promise<void>;
}

export interface WebHost {
  start(): Promise<Result<RunningWebHost>>;
}

const HOST = '127.0.0.1';
/** Telephony imports are ≤ 500 kB of text; anything much larger is not a contract frame. */
const MAX_FRAME_BYTES = 2 * 1024 * 1024;

/**
 * Web mode: the built renderer and the contract, on loopback only. Every request must carry the session
 * cookie obtained with the start-up token; the contract socket additionally requires this host's own
 * Origin (so another site open in the same browser cannot drive the companion) and a matching Host header
 * (DNS rebinding).
 */
export function createWebHost(deps: WebHostDeps): WebHost {
  const sessions = createWebSessions(deps.token);
  const sockets = new Set<WebSocket>();

  return {
    async start() {
      const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
      let origin = '';
      // Only the exact loopback origin: a rebinding DNS name pointing at 127.0.0.1 carries another Host.
      const hostAllowed = (req: IncomingMessage) => `http://${req.headers.host ?? ''}` === origin;

      const server = createServer((req, res) => void handleHttp(req, res));
      const handleHttp = async (req: IncomingMessage, res: ServerResponse) => {
        const headers = securityHeaders(origin);
        const reply = (status: number, body: string, extra: Record<string, string> = {}) => {
          res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
          res.end(body);
        };
        if (!hostAllowed(req)) return reply(403, 'Forbidden: unexpected Host header.');
        if (req.method !== 'GET' && req.method !== 'HEAD') return reply(405, 'Method not allowed.', { Allow: 'GET, HEAD' });
        const url = new URL(req.url ?? '/', origin);
        const token = url.searchParams.get('token');
        if (token !== null) {
          if (!sessions.tokenMatches(token)) return reply(401, 'This link is not valid for the running companion. Use the URL printed by `npm start`.');
          const cookie = `${SESSION_COOKIE}=${sessions.open()}; HttpOnly; SameSite=Strict; Path=/`;
          // Redirect so the token leaves the address bar (and the page's referrers).
          return reply(303, 'Signed in.', { 'Set-Cookie': cookie, Location: '/' });
        }
        if (!sessions.isValidCookieHeader(req.headers.cookie)) return reply(401, 'Not signed in: open the URL printed by `npm start` (it holds a one-time token).');
        // A deep link handed to the core (web mode has no OS protocol handler); dials wait for the agent.
        const link = readLinkQuery(url);
        if (!link.ok) return reply(400, `Link refused: ${link.error.message}.`);
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

      server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
        const refuse = (status: number, reason: string) => {
          deps.log.warn(`web host: contract socket refused (${reason})`);
          socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
        };
        if (new URL(req.url ?? '/', origin).pathname !== CONTRACT_SOCKET_PATH) return refuse(404, 'Not Found');
        if (!hostAllowed(req)) return refuse(403, 'Forbidden');
        if (req.headers.origin !== origin) return refuse(403, 'Forbidden');
        if (!sessions.isValidCookieHeader(req.headers.cookie)) return refuse(401, 'Unauthorized');
        wss.handleUpgrade(req, socket, head, (ws) => {
          sockets.add(ws);
          ws.on('close', () => sockets.delete(ws));
          serveContractSocket(ws, deps.companion, deps.log);
        });
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

      const offEvents = deps.companion.onEvent((channel, payload) => {
        const frame = encodeEvent(channel, payload, deps.log);
        if (frame === null) return;
        for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(frame);
      });

      return ok({
        port,
        origin,
        url: `${origin}/?token=${encodeURIComponent(sessions.token)}`,
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
