import type { ContractHandlers, CtiBridge, EventChannel, EventPayload, InvokeChannel } from '../../shared/contract/contract';
import { eventContract, invokeContract } from '../../shared/contract/contract';
import { fail, ok } from '../../shared/result';

export interface FakeBridge extends CtiBridge {
  /** Pushes an event as the core would (validated against the contract, so fakes cannot drift). */
  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void;
  /** Every invoke received, in order, after argument validation. */
  readonly invocations: { channel: InvokeChannel; args: unknown[] }[];
}

/**
 * An in-memory CtiBridge for store tests and UI development: handlers are plain functions; arguments and
 * results go through the same zod schemas as the real hosts, and a missing handler is a typed error.
 */
export function createFakeBridge(handlers: Partial<ContractHandlers> = {}): FakeBridge {
  const listeners = new Map<EventChannel, Set<(p: never) => void>>();
  const invocations: { channel: InvokeChannel; args: unknown[] }[] = [];
  return {
    invocations,
    async invoke(channel, ...args) {
      const parsed = invokeContract[channel].args.safeParse(args);
      if (!parsed.success) return fail('bad-args', `${channel}: ${parsed.error.issues[0]?.message ?? 'invalid arguments'}`);
      invocations.push({ channel, args: parsed.data as unknown[] });
      const handler = handlers[channel] as ((...a: unknown[]) => Promise<unknown>) | undefined;
      if (!handler) return fail('not-implemented', `${channel}: no handler in this fake bridge`);
      try {
        const value = await handler(...(parsed.data as unknown[]));
        const checked = invokeContract[channel].result.safeParse(value);
        if (!checked.success) return fail('bad-reply', `${channel}: ${checked.error.issues[0]?.message ?? 'invalid result'}`);
        return ok(checked.data as never);
      } catch (e) {
        return fail('internal', `${channel}: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener as (p: never) => void);
      return () => set.delete(listener as (p: never) => void);
    },
    emit(channel, payload) {
      const checked = eventContract[channel].parse(payload);
      for (const l of listeners.get(channel) ?? []) l(checked as never);
    },
  };
}
