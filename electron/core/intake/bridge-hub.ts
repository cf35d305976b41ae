import { randomUUID } from 'node:crypto';
import { WebSocket, type RawData } from 'ws';
import { z } from 'zod';
import { describeIssues, MAX_FRAME_BYTES, parseBridgeFrame, type DialCommandFrame, type DialResultFrame } from '../../../shared/cti/bridge-frame';
import { preview } from '../../../shared/cti/raw-number';
import { fail, ok, type AppError, type Result } from '../../../shared/result';
import type { CallIntake } from './call-intake';
import type { Log } from './log';

/**
 * The connected CTI bridges: reads their frames (events → intake, answers to dial commands → pending
 * dials) and sends them dial commands. Every frame gets an answer, so a bridge author sees mistakes at once.
 */
export const DialCommand = z.object({
  number: z.string().trim().min(1, 'number must not be empty').max(200),
  dialString: z.string().trim().min(1, 'dialString must not be empty').max(200),
  ticket: z.string().max(64).optional(),
});
export type DialCommand = z.input<typeof DialCommand>;

export interface DialResult {
  readonly requestId: string;
  readonly message?: string;
}

export interface BridgeStatus {
  readonly connected: number;
}

export interface BridgeHub {
  attach(socket: WebSocket): void;
  sendDial(command: DialCommand): Promise<Result<DialResult>>;
  status(): BridgeStatus;
  onStatus(listener: (status: BridgeStatus) => void): () => void;
  closeAll(): void;
}

interface PendingDial {
  readonly socket: WebSocket;
  readonly timer: NodeJS.Timeout;
  readonly resolve: (result: Result<DialResult>) => void;
}

const FRAME_ECHO_CHARS = 200;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function toBuffer(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}

export function createBridgeHub(deps: { intake: CallIntake; log: Log; dialTimeoutMs: number; newRequestId?: () => string }): BridgeHub {
  const sockets: WebSocket[] = [];
  const listeners = new Set<(status: BridgeStatus) => void>();
  const pending = new Map<string, PendingDial>();
  const newRequestId = deps.newRequestId ?? (() => randomUUID());

  const status = (): BridgeStatus => ({ connected: sockets.length });
  function notify(): void {
    for (const listener of [...listeners]) {
      try {
        listener(status());
      } catch (error) {
        deps.log.warn('bridge status listener failed', { error: String(error) });
      }
    }
  }

  function settle(requestId: string, result: Result<DialResult>): void {
    const dial = pending.get(requestId);
    if (!dial) return;
    pending.delete(requestId);
    clearTimeout(dial.timer);
    dial.resolve(result);
  }

  function reply(socket: WebSocket, body: unknown): void {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(body));
  }

  function replyError(socket: WebSocket, error: AppError, frame?: string): void {
    deps.intake.reportRefused(error, 'bridge');
    reply(socket, { error: { code: error.code, message: error.message }, ...(frame === undefined ? {} : { frame: preview(frame, FRAME_ECHO_CHARS) }) });
  }

  function onFrame(socket: WebSocket, data: RawData, isBinary: boolean): void {
    const bytes = toBuffer(data);
    if (isBinary) {
      replyError(socket, { code: 'frame-binary', message: 'Binary frames are not accepted; send JSON as a text frame' });
      return;
    }
    if (bytes.length > MAX_FRAME_BYTES) {
      // Echo only the start: decoding and previewing megabytes would cost more than the frame is worth.
      replyError(socket, { code: 'frame-too-large', message: `Frame is ${bytes.length} bytes; at most ${MAX_FRAME_BYTES} are accepted` }, bytes.subarray(0, 256).toString('utf8'));
      return;
    }
    // ws runs with skipUTF8Validation (it would close the connection with 1007); check here and answer instead.
    let text: string;
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      replyError(socket, { code: 'frame-not-utf8', message: 'Text frames must be valid UTF-8' });
      return;
    }
    const frame = parseBridgeFrame(text);
    if (!frame.ok) return replyError(socket, frame.error, text);
    if (frame.value.type === 'dial-result') return onDialResult(socket, frame.value.result, text);
    const accepted = deps.intake.acceptBridgeEvent(frame.value.event, 'bridge');
    if (!accepted.ok) {
      // Already reported by the intake; only answer.
      reply(socket, { error: accepted.error, frame: preview(text, FRAME_ECHO_CHARS) });
      return;
    }
    reply(socket, { ack: accepted.value.event.callId, event: accepted.value.event.kind, ...(accepted.value.duplicate ? { duplicate: true } : {}) });
  }

  function onDialResult(socket: WebSocket, result: DialResultFrame, text: string): void {
    if (!pending.has(result.requestId)) {
      replyError(socket, { code: 'unknown-request', message: `No dial command is waiting for requestId "${preview(result.requestId)}" (answered too late?)` }, text);
      return;
    }
    const message = result.message === undefined ? {} : { message: result.message };
    settle(
      result.requestId,
      result.result === 'ok'
        ? ok({ requestId: result.requestId, ...message })
        : fail('bridge-refused', `The CTI bridge could not dial: ${result.message ?? 'no reason given'}`),
    );
  }

  return {
    attach(socket) {
      sockets.push(socket);
      deps.log.info('CTI bridge connected', { connected: sockets.length });
      socket.on('message', (data, isBinary) => onFrame(socket, data, isBinary));
      socket.on('error', (error) => deps.log.warn('CTI bridge socket error', { error: error.message }));
      socket.on('close', () => {
        const index = sockets.indexOf(socket);
        if (index !== -1) sockets.splice(index, 1);
        for (const [requestId, dial] of pending) {
          if (dial.socket === socket) settle(requestId, fail('bridge-disconnected', 'The CTI bridge disconnected before answering the dial command'));
        }
        deps.log.info('CTI bridge disconnected', { connected: sockets.length });
        notify();
      });
      notify();
    },
    sendDial(command) {
      const parsed = DialCommand.safeParse(command);
      if (!parsed.success) return Promise.resolve(fail('dial-invalid', `Dial command is invalid: ${describeIssues(parsed.error)}`));
      // The most recently connected bridge: a reconnecting bridge replaces its stale predecessor.
      const socket = [...sockets].reverse().find((s) => s.readyState === WebSocket.OPEN);
      if (!socket) return Promise.resolve(fail('no-bridge', 'No CTI bridge is connected; cannot dial through the phone system'));
      const requestId = newRequestId();
      const frame: DialCommandFrame = { command: 'dial', requestId, ...parsed.data };
      return new Promise((resolve) => {
        const timer = setTimeout(
          () => settle(requestId, fail('bridge-timeout', `The CTI bridge did not answer the dial command within ${deps.dialTimeoutMs} ms`)),
          deps.dialTimeoutMs,
        );
        pending.set(requestId, { socket, timer, resolve });
        socket.send(JSON.stringify(frame));
      });
    },
    status,
    onStatus(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    closeAll() {
      for (const requestId of [...pending.keys()]) settle(requestId, fail('intake-stopped', 'The intake server stopped before the bridge answered'));
      for (const socket of [...sockets]) socket.close(1001, 'server stopping');
    },
  };
}
