import type { CallEvent } from '../../../shared/cti/call-event';
import type { DialIntent } from '../../../shared/cti/intents';
import type { ContractHandlers, EventChannel, EventPayload } from '../../../shared/contract/contract';
import type { DialOrigin } from '../../../shared/dial';
import type { Result } from '../../../shared/result';
import type { LinkOutcome } from './link-handler';

export type { LinkOutcome } from './link-handler';

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
  /**
   * Any link the host receives: itop-cti://call (an incoming call), itop-cti://dial, tel:, callto:, sip:
   * (click-to-call). Origin `deep-link` (iTop's pages, the OS, argv) waits for the agent's confirmation
   * (dial:pending); `app` (a link inside the app's own UI) dials at once. Optional only so test doubles of
   * the port need not implement it; createCompanion always does.
   */
  handleLink?(url: string, origin?: DialOrigin): Promise<Result<LinkOutcome>>;
  /** `--dial` on the command line (the launch router's onDial): same rules as handleLink. */
  handleDialIntent?(intent: DialIntent, origin?: DialOrigin): Promise<Result<LinkOutcome>>;
  /** Starts the intake server, the outbox, the phone index build and the connection check. */
  start(): Promise<void>;
  stop(): Promise<void>;
}
