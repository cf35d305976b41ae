import { WebSocket } from 'ws';

export interface CtiBridgeClient {
  ring(callId: string, from: string, displayName?: string): void;
  answer(callId: string, from: string): void;
  hangup(callId: string, from: string, cause?: string): void;
  close(): void;
}

/** A CTI bridge as a PBX connector would be: the real WebSocket at /cti with the bearer token. */
export async function connectCtiBridge(port: number, token: string): Promise<CtiBridgeClient> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/cti`, { headers: { Authorization: `Bearer ${token}` } });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`CTI bridge refused: HTTP ${res.statusCode}`)));
  });
  const send = (frame: Record<string, unknown>) => ws.send(JSON.stringify({ to: '201', at: new Date().toISOString(), ...frame }));
  return {
    ring: (callId, from, displayName) => send({ event: 'ringing', callId, from, direction: 'inbound', ...(displayName ? { displayName } : {}) }),
    answer: (callId, from) => send({ event: 'answered', callId, from, direction: 'inbound' }),
    hangup: (callId, from, cause = 'normal') => send({ event: 'hangup', callId, from, direction: 'inbound', cause }),
    close: () => ws.close(),
  };
}
