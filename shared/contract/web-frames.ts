import { z } from 'zod';

/**
 * Frames of the web-mode contract socket (`/contract`). The payloads inside are validated against
 * invokeContract / eventContract by each end; these schemas only check the envelope.
 */
export const InvokeRequestFrame = z.object({
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  args: z.array(z.unknown()).max(10),
});
export type InvokeRequestFrame = z.infer<typeof InvokeRequestFrame>;

const ErrorShape = z.object({ code: z.string(), message: z.string() });

export const InvokeReplyFrame = z.object({
  id: z.number().int().nonnegative(),
  result: z.union([z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: ErrorShape })]),
});

export const EventFrame = z.object({ event: z.string().max(100), payload: z.unknown() });

export const ServerFrame = z.union([InvokeReplyFrame, EventFrame]);
export type ServerFrame = z.infer<typeof ServerFrame>;

/** Path of the contract socket on the web host. */
export const CONTRACT_SOCKET_PATH = '/contract';
