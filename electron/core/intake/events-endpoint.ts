import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseBridgeEvent } from '../../../shared/cti/bridge-frame';
import type { QueryParam } from '../../../shared/cti/query-string';
import { preview } from '../../../shared/cti/raw-number';
import type { AppError } from '../../../shared/result';
import type { CallIntake } from './call-intake';
import { readBody, sendError, sendJson } from './http-io';
import { tokenOf, tokensMatch } from './loopback';

/**
 * POST /events: the same events as the WebSocket, for one-line curl bridges and for a second instance
 * forwarding its command line. Body: one BridgeCallEvent or an array of them.
 */
export const MAX_EVENTS_BODY_BYTES = 64 * 1024;
export const MAX_EVENTS_PER_REQUEST = 100;

type ItemAnswer = { ack: string; event: string; duplicate?: true } | { error: AppError; index?: number };

export async function handleEventsPost(
  req: IncomingMessage,
  res: ServerResponse,
  context: { intake: CallIntake; token: string; query: readonly QueryParam[] },
): Promise<void> {
  const refuse = (status: number, error: AppError) => {
    context.intake.reportRefused(error, 'http-events');
    sendError(res, status, error.code, error.message);
  };
  if (req.headers.origin !== undefined) {
    return refuse(403, { code: 'origin-refused', message: `Requests from web pages (Origin: ${req.headers.origin}) are not accepted` });
  }
  const token = tokenOf(req.headers, context.query);
  if (token === undefined || !tokensMatch(token, context.token)) {
    req.resume();
    return refuse(401, {
      code: token === undefined ? 'token-missing' : 'token-invalid',
      message: token === undefined ? 'Send the intake token as "Authorization: Bearer <token>" or ?token=' : 'The intake token is wrong',
    });
  }
  const body = await readBody(req, MAX_EVENTS_BODY_BYTES);
  if (!body.ok) return refuse(body.error.code === 'body-too-large' ? 413 : 400, body.error);
  let value: unknown;
  try {
    value = JSON.parse(body.value);
  } catch (error) {
    return refuse(400, { code: 'body-not-json', message: `Body is not JSON (${(error as Error).message}): ${preview(body.value, 80)}` });
  }
  if (!Array.isArray(value)) {
    const answer = acceptOne(context.intake, value);
    return sendJson(res, 'error' in answer ? 400 : 200, answer);
  }
  if (value.length > MAX_EVENTS_PER_REQUEST) {
    return refuse(413, { code: 'too-many-events', message: `Body holds ${value.length} events; at most ${MAX_EVENTS_PER_REQUEST} per request` });
  }
  // Valid items are processed even when others are not: nothing valid is lost, the 400 names the rest.
  const results = value.map((item, index) => {
    const answer = acceptOne(context.intake, item);
    return 'error' in answer ? { ...answer, index } : answer;
  });
  sendJson(res, results.some((r) => 'error' in r) ? 400 : 200, { results });
}

function acceptOne(intake: CallIntake, value: unknown): ItemAnswer {
  const frame = parseBridgeEvent(value);
  if (!frame.ok) {
    intake.reportRefused(frame.error, 'http-events');
    return { error: frame.error };
  }
  const accepted = intake.acceptBridgeEvent(frame.value, 'http-events');
  if (!accepted.ok) return { error: accepted.error };
  const { event, duplicate } = accepted.value;
  return { ack: event.callId, event: event.kind, ...(duplicate ? { duplicate: true as const } : {}) };
}
