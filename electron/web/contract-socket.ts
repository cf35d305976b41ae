import type { WebSocket } from 'ws';
import { eventContract, invokeContract, isInvokeChannel, type EventChannel, type EventPayload } from '../../shared/contract/contract';
import { InvokeRequestFrame } from '../../shared/contract/web-frames';
import { fail, ok, type Result } from '../../shared/result';
import type { Companion } from '../core/app/companion-port';

export interface WebHostLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const firstIssue = (e: { issues: { path: PropertyKey[]; message: string }[] }) => {
  const i = e.issues[0];
  return i ? `${i.path.map(String).join('.') || '(root)'}: ${i.message}` : 'invalid';
};

/**
 * Runs one invoke frame against the companion: envelope, channel and arguments are validated on the way in,
 * the handler's value on the way out (a core bug must not reach the UI as malformed data).
 */
export async function dispatchInvoke(companion: Companion, raw: string, log: WebHostLog): Promise<{ id: number; result: Result<unknown> } | null> {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    log.warn('contract socket: a frame that is not JSON was ignored');
    return null;
  }
  const frame = InvokeRequestFrame.safeParse(data);
  if (!frame.success) {
    log.warn(`contract socket: malformed frame ignored (${firstIssue(frame.error)})`);
    return null;
  }
  const { id, channel, args } = frame.data;
  if (!isInvokeChannel(channel)) return { id, result: fail('unknown-channel', `"${channel}" is not a channel of the contract`) };
  const parsed = invokeContract[channel].args.safeParse(args);
  if (!parsed.success) return { id, result: fail('bad-args', `${channel}: ${firstIssue(parsed.error)}`) };
  try {
    const handler = companion.handlers[channel] as (...a: unknown[]) => Promise<unknown>;
    const value = await handler(...(parsed.data as unknown[]));
    const checked = invokeContract[channel].result.safeParse(value);
    if (!checked.success) {
      log.error(`contract socket: ${channel} returned a value outside the contract (${firstIssue(checked.error)})`);
      return { id, result: fail('internal', `${channel}: the core returned an invalid result`) };
    }
    return { id, result: ok(checked.data) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log.error(`contract socket: ${channel} failed: ${message}`);
    return { id, result: fail('internal', `${channel}: ${message}`) };
  }
}

/** Serves the contract on one accepted socket. */
export function serveContractSocket(socket: WebSocket, companion: Companion, log: WebHostLog): void {
  socket.on('message', (data, isBinary) => {
    if (isBinary) return;
    dispatchInvoke(companion, String(data), log)
      .then((reply) => {
        if (reply && socket.readyState === socket.OPEN) socket.send(JSON.stringify(reply));
      })
      .catch((e: unknown) => log.error(`contract socket: a frame could not be answered: ${e instanceof Error ? e.message : String(e)}`));
  });
}

/** Serializes a pushed event for the sockets, or null (logged) if the core emitted something off-contract. */
export function encodeEvent<E extends EventChannel>(channel: E, payload: EventPayload<E>, log: WebHostLog): string | null {
  const checked = eventContract[channel].safeParse(payload);
  if (!checked.success) {
    log.error(`contract socket: event ${channel} does not match the contract (${firstIssue(checked.error)}); not sent`);
    return null;
  }
  return JSON.stringify({ event: channel, payload: checked.data });
}
