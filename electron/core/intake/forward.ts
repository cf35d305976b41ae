import type { z } from 'zod';
import type { BridgeCallEvent } from '../../../shared/cti/call-event';
import { fail, ok, type Result } from '../../../shared/result';

/**
 * `itop-cti --call <n>` when another companion already owns the intake port: hand the call to it over
 * POST /events instead of starting a second app.
 */
export interface ForwardDeps {
  port: number;
  token: string;
  event: z.input<typeof BridgeCallEvent>;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface ForwardAck {
  readonly ack: string;
  readonly duplicate: boolean;
}

export async function forwardToRunningInstance(deps: ForwardDeps): Promise<Result<ForwardAck>> {
  const doFetch = deps.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(`http://127.0.0.1:${deps.port}/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${deps.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(deps.event),
      signal: AbortSignal.timeout(deps.timeoutMs ?? 3000),
    });
  } catch (error) {
    return fail('forward-unreachable', `No companion answered on 127.0.0.1:${deps.port} (${(error as Error).message})`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return fail('forward-bad-answer', `The program on port ${deps.port} answered HTTP ${response.status} without JSON; is it the companion?`);
  }
  const answer = (body ?? {}) as { ack?: unknown; duplicate?: unknown; error?: { code?: unknown; message?: unknown } };
  if (response.ok && typeof answer.ack === 'string') return ok({ ack: answer.ack, duplicate: answer.duplicate === true });
  const reason = typeof answer.error?.message === 'string' ? answer.error.message : `HTTP ${response.status}`;
  return fail(response.status === 401 ? 'forward-unauthorized' : 'forward-refused', `The running companion refused the call: ${reason}`);
}
