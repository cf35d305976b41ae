/**
 * The renderer's only door to the core: `window.cti`, a CtiBridge (shared/contract). Built into ONE
 * CommonJS file whose only `require` is 'electron' — a sandboxed preload can load nothing else, and an
 * ESM preload does not run at all under `sandbox: true`. Never exposes ipcRenderer itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isEventChannel, isInvokeChannel, type CtiBridge, type EventChannel, type EventPayload, type InvokeArgs, type InvokeChannel, type InvokeResult } from '../shared/contract/contract';
import { fail, type Result } from '../shared/result';

async function invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<Result<InvokeResult<C>>> {
  if (!isInvokeChannel(channel)) return fail('ipc-unknown-channel', `"${String(channel).slice(0, 60)}" is not a channel of the contract`);
  try {
    // The main process answers every channel with a plain Result (electron/core/shell/ipc-router.ts).
    return (await ipcRenderer.invoke(channel, ...args)) as Result<InvokeResult<C>>;
  } catch (error) {
    return fail('ipc-unavailable', `The app core did not answer ${channel}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void {
  if (!isEventChannel(channel) || typeof listener !== 'function') return () => undefined;
  const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload as EventPayload<E>);
  ipcRenderer.on(channel, forward);
  return () => void ipcRenderer.removeListener(channel, forward);
}

const bridge: CtiBridge = { invoke, on };
contextBridge.exposeInMainWorld('cti', bridge);
