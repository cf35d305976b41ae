import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { CallEvent } from '../../../shared/cti/call-event';
import { DEFAULT_URL_PARAMETERS } from '../../../shared/cti/contact-url';
import { parseQueryString } from '../../../shared/cti/query-string';
import type { Result } from '../../../shared/result';
import { createBridgeHub, type BridgeStatus, type DialCommand, type DialResult } from './bridge-hub';
import { createCallIntake, type CallIntake, type IntakeError } from './call-intake';
import { handleContactUrl } from './contact-url-endpoint';
import { handleEventsPost } from './events-endpoint';
import { sendError } from './http-io';
import type { Log } from './log';
import { isLoopbackAddress, isLoopbackHost, tokenOf, tokensMatch } from './loopback';

/**
 * One loopback port for every way a call reaches the app over the network:
 *   ws://127.0.0.1:<port>/cti   CTI bridges (token; no Origin: browsers always send one, bridges don't)
 *   POST /events                one-line curl bridges, second instances (token)
 *   GET /call?phone=…&name=…    3CX "Open contact URL" (no token possible; loopback + browser guard)
 */
export interface IntakeServerDeps {
  host?: '127.0.0.1';
  /** 0 = any free port (tests, first run). */
  port: number;
  token: string;
  /**
   * URL parameter → Person attribute, as in the telephony extension; default { phone: 'phone' }. Read at each
   * request: the companion passes a live view, so a settings change applies to the next 3CX call.
   */
  urlParameters?: Readonly<Record<string, string>>;
  dedupeWindowMs: number;
  clock: { now(): number };
  log: Log;
  onEvent(event: CallEvent): void;
  onIntakeError?(error: IntakeError): void;
  /** How long sendDial waits for the bridge's answer; default 5 s. */
  dialTimeoutMs?: number;
  /** Let another web site (the 3CX web client) open /call by top-level navigation; default false. */
  allowCrossSiteNavigation?: boolean;
  newCallId?: () => string;
}

export interface IntakeServer {
  /** Rejects with the listen error (code EADDRINUSE when another instance owns the port). */
  start(): Promise<{ port: number }>;
  stop(): Promise<void>;
  sendDial(command: DialCommand): Promise<Result<DialResult>>;
  bridgeStatus(): BridgeStatus;
  onBridgeStatus(listener: (status: BridgeStatus) => void): () => void;
  /** The same funnel (and de-duplication) for deep links and argv routed by the Electron shell. */
  readonly intake: CallIntake;
}

export const MIN_TOKEN_LENGTH = 16;
const MAX_URL_LENGTH = 4096;
// ws closes the connection (1009) above maxPayload; it is far above MAX_FRAME_BYTES (16 KiB) so that
// oversize frames up to 8 MiB get an error reply and the connection survives, while a runaway bridge
// still cannot exhaust memory. UTF-8 is checked by the hub, which answers instead of closing with 1007.
export const WS_MAX_PAYLOAD = 8 * 1024 * 1024;

const STATUS_TEXT: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 414: 'URI Too Long' };

export function createIntakeServer(deps: IntakeServerDeps): IntakeServer {
  if (deps.token.length < MIN_TOKEN_LENGTH) throw new TypeError(`Intake token must be at least ${MIN_TOKEN_LENGTH} characters long`);
  const urlParameters = (): Readonly<Record<string, string>> => (deps.urlParameters && Object.keys(deps.urlParameters).length > 0 ? deps.urlParameters : DEFAULT_URL_PARAMETERS);
  const intake = createCallIntake(deps);
  const hub = createBridgeHub({ intake, log: deps.log, dialTimeoutMs: deps.dialTimeoutMs ?? 5000 });
  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_PAYLOAD, skipUTF8Validation: true });
  const server = createServer();

  /** Checks shared by every endpoint: too long, not from this machine, not under a loopback name. */
  function gate(req: IncomingMessage): { status: number; code: string; message: string } | undefined {
    const url = req.url ?? '/';
    if (url.length > MAX_URL_LENGTH) return { status: 414, code: 'url-too-long', message: `Request URL exceeds ${MAX_URL_LENGTH} characters` };
    if (!isLoopbackAddress(req.socket.remoteAddress)) return { status: 403, code: 'peer-refused', message: 'Only local processes may connect' };
    if (!isLoopbackHost(req.headers.host)) return { status: 403, code: 'host-refused', message: 'Host must be 127.0.0.1, localhost or [::1]' };
    return undefined;
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refused = gate(req);
    if (refused) return sendError(res, refused.status, refused.code, refused.message);
    const [path = '/', query = ''] = splitUrl(req.url ?? '/');
    if (path === '/events') {
      if (req.method !== 'POST') return sendError(res, 405, 'method-not-allowed', 'Use POST /events', { Allow: 'POST' });
      return handleEventsPost(req, res, { intake, token: deps.token, query: parseQueryString(query) });
    }
    if (path === '/call') {
      if (req.method !== 'GET') return sendError(res, 405, 'method-not-allowed', 'Use GET /call', { Allow: 'GET' });
      return handleContactUrl(req, res, { intake, urlParameters: urlParameters(), query, guard: { allowCrossSiteNavigation: deps.allowCrossSiteNavigation } });
    }
    sendError(res, 404, 'not-found', 'Unknown path; the intake serves /cti (WebSocket), POST /events and GET /call');
  }

  function refuseUpgrade(socket: Duplex, status: number, code: string, message: string): void {
    intake.reportRefused({ code, message }, 'bridge');
    const body = JSON.stringify({ error: { code, message } });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }

  server.on('request', (req, res) => {
    route(req, res).catch((error: unknown) => {
      deps.log.warn('intake request failed', { error: String(error) });
      if (!res.headersSent) sendError(res, 500, 'internal-error', 'The intake could not handle this request');
      else res.destroy();
    });
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error) => deps.log.warn('upgrade socket error', { error: error.message }));
    const refused = gate(req);
    if (refused) return refuseUpgrade(socket, refused.status, refused.code, refused.message);
    const [path, query = ''] = splitUrl(req.url ?? '/');
    if (path !== '/cti') return refuseUpgrade(socket, 404, 'not-found', 'The bridge WebSocket is at /cti');
    if (req.headers.origin !== undefined) return refuseUpgrade(socket, 403, 'origin-refused', 'Connections from web pages are not accepted');
    const token = tokenOf(req.headers, parseQueryString(query));
    if (token === undefined) return refuseUpgrade(socket, 401, 'token-missing', 'Send the token as "Authorization: Bearer <token>" or ?token=');
    if (!tokensMatch(token, deps.token)) return refuseUpgrade(socket, 401, 'token-invalid', 'The intake token is wrong');
    wss.handleUpgrade(req, socket, head, (ws) => hub.attach(ws));
  });

  return {
    intake,
    start() {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(deps.port, deps.host ?? '127.0.0.1', () => {
          server.off('error', reject);
          server.on('error', (error) => deps.log.warn('intake server error', { error: error.message }));
          const address = server.address();
          const port = typeof address === 'object' && address !== null ? address.port : deps.port;
          deps.log.info('intake listening', { port });
          resolve({ port });
        });
      });
    },
    stop() {
      hub.closeAll();
      wss.close();
      return new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
    sendDial: (command) => hub.sendDial(command),
    bridgeStatus: () => hub.status(),
    onBridgeStatus: (listener) => hub.onStatus(listener),
  };
}

function splitUrl(url: string): [string, string] {
  const q = url.indexOf('?');
  return q === -1 ? [url, ''] : [url.slice(0, q), url.slice(q + 1)];
}
