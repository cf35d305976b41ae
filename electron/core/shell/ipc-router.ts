import { eventContract, invokeContract, isInvokeChannel, type ContractHandlers, type EventChannel, type EventPayload } from '../../../shared/contract/contract';
import { fail, ok, type Result } from '../../../shared/result';
import type { IpcSender, SenderGuard } from './ipc-sender';

export interface ShellLog {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
}

/** One invoke, from any channel name the renderer sent: always answers a plain-JSON Result, never throws. */
export type InvokeRoute = (sender: IpcSender, channel: string, args: readonly unknown[]) => Promise<Result<unknown>>;

/**
 * The pure half of ipcMain: sender check, channel check, argument validation (the contract's zod
 * schemas), the core handler, and a Result envelope — thrown Errors would reach the renderer as a bare
 * message once contextBridge has cloned them.
 */
export function createInvokeRoute(o: { handlers: () => ContractHandlers; guard: SenderGuard; log: ShellLog }): InvokeRoute {
  return async (sender, channel, args) => {
    if (!isInvokeChannel(channel)) return fail('ipc-unknown-channel', `"${String(channel).slice(0, 60)}" is not a channel of the contract`);
    const trusted = o.guard.check(sender);
    if (!trusted.ok) {
      o.log.warn('ipc refused', { channel, reason: trusted.error.message });
      return trusted;
    }
    const parsed = invokeContract[channel].args.safeParse(args);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail('ipc-bad-arguments', `${channel}: ${issue ? `${issue.path.join('.') || 'arguments'}: ${issue.message}` : 'invalid arguments'}`);
    }
    try {
      const handler = o.handlers()[channel] as (...a: unknown[]) => Promise<unknown>;
      const value = await handler(...(parsed.data as unknown[]));
      const checked = invokeContract[channel].result.safeParse(value);
      if (!checked.success) {
        o.log.warn('core answered outside the contract', { channel });
        return fail('ipc-bad-result', `${channel}: the core's answer does not match the contract`);
      }
      return ok(checked.data);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      o.log.warn('ipc handler failed', { channel, message });
      return fail('ipc-handler-failed', message);
    }
  };
}

/** Main → renderer: validated against the contract so a bad payload is logged here, not a blank UI there. */
export function checkEvent<E extends EventChannel>(channel: E, payload: EventPayload<E>): Result<EventPayload<E>> {
  const parsed = eventContract[channel].safeParse(payload);
  if (!parsed.success) return fail('ipc-bad-event', `${channel}: payload does not match the contract`);
  return ok(parsed.data as EventPayload<E>);
}
