import type { CallEvent } from '../../../shared/cti/call-event';
import type { ContractHandlers, EventChannel, EventPayload } from '../../../shared/contract/contract';

/** Pushes one contract event to whatever UI is attached (Electron IPC, web-mode WebSocket). */
export type CompanionEventListener = <E extends EventChannel>(channel: E, payload: EventPayload<E>) => void;

/**
 * The running core as its hosts (Electron shell, web mode, CLI) see it: contract handlers for the UI,
 * pushed events, and a way to feed call events that arrive through the host (argv, deep links, open-url).
 */
export interface Companion {
  readonly handlers: ContractHandlers;
  onEvent(listener: CompanionEventListener): () => void;
  /** Feeds an event that reached the host (second-instance argv, open-url, protocol handler). */
  ingest(event: CallEvent): void;
  /** Starts the intake server, the phone index build and the connection check. */
  start(): Promise<void>;
  stop(): Promise<void>;
}
