import { WebSocket } from 'ws';

export interface CtiBridgeClient {
  ring(callId: string, from: string, displayName?: string): void;
  answer(callId: string, from: string): void;
  hangup(callId: string, from: string, cause?: string): void;
  /** Any frame as a PBX connector would send it (outgoing calls, acknowledgements). */
  send(frame: Record<string, unknown>): void;
  /** The first frame from the companion (past or future) that passes `test`; rejects after `timeoutMs`. */
  received(test: (frame: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  close(): void;
}

/** A CTI bridge as a PBX connector would be: the real WebSocket at /cti with the bearer token. */
export async function connectCtiBridge(port: number, token: string): Promise<CtiBridgeClient> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/cti`, { headers: { Authorization: `Bearer ${token}` } });
  const frames: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    try {
      const frame: unknown = JSON.parse(String(data));
      if (frame && typeof frame === 'object') frames.push(frame as Record<string, unknown>);
    } catch {
      return; // not JSON: nothing a test can wait for
    }
    for (const w of [...waiters]) w();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`CTI bridge refused: HTTP ${res.statusCode}`)));
  });
  const raw = (frame: Record<string, unknown>) => ws.send(JSON.stringify(frame));
  const send = (frame: Record<string, unknown>) => raw({ to: '201', at: new Date().toISOString(), ...frame });
  return {
    ring: (callId, from, displayName) => send({ event: 'ringing', callId, from, direction: 'inbound', ...(displayName ? { displayName } : {}) }),
    answer: (callId, from) => send({ event: 'answered', callId, from, direction: 'inbound' }),
    hangup: (callId, from, cause = 'normal') => send({ event: 'hangup', callId, from, direction: 'inbound', cause }),
    send: raw,
    received: (test, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the CTI bridge received no matching frame within ${timeoutMs} ms; got ${JSON.stringify(frames)}`));
        }, timeoutMs);
        function check() {
          const hit = frames.find(test);
          if (!hit) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(hit);
        }
        waiters.add(check);
        check();
      }),
    close: () => ws.close(),
  };
}
