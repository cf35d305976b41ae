import type { CtiBridge, EventChannel, EventPayload, InvokeArgs, InvokeChannel, InvokeResult } from '../../shared/contract/contract';
import { eventContract, invokeContract, isEventChannel } from '../../shared/contract/contract';
import { ServerFrame } from '../../shared/contract/web-frames';
import { fail, type Result } from '../../shared/result';
import { createTransportStatus, type TransportStatus } from './transport-status';

/** The part of the browser WebSocket the bridge uses (so Node tests can pass the `ws` client). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface WebBridgeDeps {
  createSocket?: (url: string) => SocketLike;
  /** Injected so tests control reconnection without waiting on wall-clock time. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** How long an invoke may wait for the socket to (re)open before it fails. */
  requestTimeoutMs?: number;
  backoff?: { initialMs: number; maxMs: number };
}

export interface WebBridge extends CtiBridge {
  readonly transport: TransportStatus;
  close(): void;
}

const OPEN = 1;

interface Pending {
  channel: InvokeChannel;
  resolve: (r: Result<unknown>) => void;
  timer: unknown;
  sent: boolean;
  frame: string;
}

/**
 * The contract over the web host's loopback WebSocket. Authentication is the HttpOnly session cookie the
 * browser sends with the upgrade (the one-time token never reaches script). Replies and events are
 * validated here against the shared contract, so a drifting host cannot feed the UI malformed data.
 */
export function createWebBridge(url: string, deps: WebBridgeDeps = {}): WebBridge {
  const createSocket = deps.createSocket ?? ((u: string) => new WebSocket(u) as unknown as SocketLike);
  const setTimer = deps.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const requestTimeoutMs = deps.requestTimeoutMs ?? 15_000;
  const backoff = deps.backoff ?? { initialMs: 250, maxMs: 5_000 };

  const transport = createTransportStatus('connecting');
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let socket: SocketLike | null = null;
  let attempt = 0;
  let reconnectTimer: unknown = null;
  let closed = false;

  const settle = (id: number, result: Result<unknown>) => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    clearTimer(p.timer);
    p.resolve(result);
  };

  const flush = () => {
    for (const p of pending.values()) {
      if (!p.sent && socket?.readyState === OPEN) {
        socket.send(p.frame);
        p.sent = true;
      }
    }
  };

  const onFrame = (raw: unknown) => {
    let data: unknown;
    try {
      data = JSON.parse(typeof raw === 'string' ? raw : String(raw));
    } catch {
      return; // not JSON: ignore rather than break the session
    }
    const frame = ServerFrame.safeParse(data);
    if (!frame.success) return;
    if ('id' in frame.data) {
      const { id, result } = frame.data;
      const p = pending.get(id);
      if (!p) return;
      if (!result.ok) return settle(id, { ok: false, error: result.error });
      const checked = invokeContract[p.channel].result.safeParse(result.value);
      settle(id, checked.success ? { ok: true, value: checked.data } : fail('bad-reply', `${p.channel}: the host sent a reply that does not match the contract (${checked.error.issues[0]?.message ?? 'invalid'})`));
      return;
    }
    const { event, payload } = frame.data;
    if (!isEventChannel(event)) return;
    const checked = eventContract[event].safeParse(payload);
    if (!checked.success) return;
    for (const l of listeners.get(event) ?? []) l(checked.data as never);
  };

  const connect = () => {
    if (closed) return;
    transport.set('connecting');
    const s = createSocket(url);
    socket = s;
    s.onopen = () => {
      attempt = 0;
      transport.set('open');
      flush();
    };
    s.onmessage = (ev) => onFrame(ev.data);
    s.onerror = () => undefined; // onclose follows and handles it
    s.onclose = () => {
      if (socket !== s) return;
      socket = null;
      // Requests already on the wire are lost with the socket: fail them now rather than hang.
      for (const [id, p] of pending) if (p.sent) settle(id, fail('disconnected', `${p.channel}: the connection to the companion was lost`));
      if (closed) return;
      transport.set('disconnected');
      const delay = Math.min(backoff.maxMs, backoff.initialMs * 2 ** attempt);
      attempt += 1;
      reconnectTimer = setTimer(connect, delay);
    };
  };

  connect();

  return {
    transport,
    invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<Result<InvokeResult<C>>> {
      return new Promise((resolve) => {
        const id = nextId++;
        const timer = setTimer(() => settle(id, fail('timeout', `${channel}: no answer from the companion within ${requestTimeoutMs} ms`)), requestTimeoutMs);
        const frame = JSON.stringify({ id, channel, args });
        pending.set(id, { channel, resolve: resolve as (r: Result<unknown>) => void, timer, sent: false, frame });
        flush();
      });
    },
    on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
    close() {
      closed = true;
      clearTimer(reconnectTimer);
      for (const id of [...pending.keys()]) settle(id, fail('closed', 'the bridge was closed'));
      socket?.close();
      transport.set('disconnected');
    },
  };
}
