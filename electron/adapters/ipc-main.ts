import { invokeContract, type EventChannel, type EventPayload } from '../../shared/contract/contract';
import { checkEvent, type InvokeRoute, type ShellLog } from '../core/shell/ipc-router';

/** The invoke event as far as the sender check reads it (Electron's IpcMainInvokeEvent satisfies it). */
export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/**
 * One `ipcMain.handle` per contract channel, each going through the pure route (sender check, argument
 * validation, Result envelope). Returns a function that removes them all.
 */
export function registerInvokeHandlers(ipcMain: IpcMainLike, route: InvokeRoute): () => void {
  const channels = Object.keys(invokeContract);
  for (const channel of channels) {
    ipcMain.handle(channel, (event, ...args) =>
      route({ webContentsId: event.sender.id, frameUrl: event.senderFrame?.url, isMainFrame: event.senderFrame !== null && event.senderFrame.parent === null }, channel, args),
    );
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/** Main → renderer, validated against the contract; destroyed windows are skipped, not crashed on. */
export function sendEvent<E extends EventChannel>(target: EventTarget, channel: E, payload: EventPayload<E>, log: ShellLog): void {
  if (target.isDestroyed()) return;
  const checked = checkEvent(channel, payload);
  if (!checked.ok) return log.warn(checked.error.message);
  target.send(channel, checked.value);
}
