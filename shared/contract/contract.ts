import { z } from 'zod';
import type { Result } from '../result';
import { AppStatus, CallerSelection, CallsSnapshot, HistoryEntry } from './views';
import { TicketDetail, TicketRef } from './tickets';
import { SettingsView, SettingsPatch, ConnectionTest, ConnectionTestResult, TelephonyImport, TelephonyImportResult } from './settings';
import { writeEventContract, writeInvokeContract } from './writes';
import { dialEventContract, dialInvokeContract } from './dial';
import { formInvokeContract } from './forms';

/**
 * THE contract between the core and the UI, whatever carries it (Electron IPC via the preload, or the
 * web-mode WebSocket). Both ends validate with these schemas; channel names exist only as keys here.
 */
const CallIdArg = z.object({ callId: z.string().min(1).max(200) });

export const invokeContract = {
  'app:snapshot': {
    args: z.tuple([]),
    result: z.object({ calls: CallsSnapshot, status: AppStatus, history: z.array(HistoryEntry) }),
  },
  'call:select-caller': { args: z.tuple([CallIdArg.extend({ selection: CallerSelection })]), result: z.null() },
  'call:dismiss': { args: z.tuple([CallIdArg]), result: z.null() },
  /** Bring the main window and this call to the front (the ring pop-up's "Show"). */
  'call:show': { args: z.tuple([CallIdArg]), result: z.null() },
  'call:simulate': {
    args: z.tuple([z.object({ number: z.string().min(1).max(100), name: z.string().max(200).optional() })]),
    result: z.object({ callId: z.string() }),
  },
  'ticket:get': { args: z.tuple([TicketRef]), result: TicketDetail },
  'history:clear-missed': { args: z.tuple([z.object({ number: z.string().max(100) })]), result: z.null() },
  'settings:get': { args: z.tuple([]), result: SettingsView },
  'settings:update': { args: z.tuple([SettingsPatch]), result: SettingsView },
  'settings:test-connection': { args: z.tuple([ConnectionTest]), result: ConnectionTestResult },
  'settings:import-telephony': { args: z.tuple([TelephonyImport]), result: TelephonyImportResult },
  /** Switches to the built-in simulator with demo data, for this run only (nothing saved). */
  'settings:start-demo': { args: z.tuple([]), result: SettingsView },
  'itop:open': { args: z.tuple([z.object({ url: z.string().url().max(4000) })]), result: z.null() },
  // Writes to iTop through the outbox (issue 5) and click-to-call (issue 6); schemas live in writes.ts / dial.ts.
  ...writeInvokeContract,
  ...dialInvokeContract,
  // Creation forms: class descriptions, names of external keys, pickers (issue 16); schemas in forms.ts.
  ...formInvokeContract,
} as const;

export const eventContract = {
  'calls:changed': CallsSnapshot,
  'status:changed': AppStatus,
  'history:changed': z.array(HistoryEntry),
  /** Ask the UI to bring a call to the front (notification click, tray). */
  'call:focus': CallIdArg,
  ...writeEventContract,
  ...dialEventContract,
} as const;

export type InvokeChannel = keyof typeof invokeContract;
export type InvokeArgs<C extends InvokeChannel> = z.infer<(typeof invokeContract)[C]['args']>;
export type InvokeResult<C extends InvokeChannel> = z.infer<(typeof invokeContract)[C]['result']>;
export type EventChannel = keyof typeof eventContract;
export type EventPayload<E extends EventChannel> = z.infer<(typeof eventContract)[E]>;

export const isInvokeChannel = (ch: unknown): ch is InvokeChannel =>
  typeof ch === 'string' && Object.prototype.hasOwnProperty.call(invokeContract, ch);
export const isEventChannel = (ch: unknown): ch is EventChannel =>
  typeof ch === 'string' && Object.prototype.hasOwnProperty.call(eventContract, ch);

/** What `window.cti` is (preload) and what the web-mode client implements: the renderer sees only this. */
export interface CtiBridge {
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<Result<InvokeResult<C>>>;
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The core's side: one async handler per invoke channel (arguments already validated). */
export type ContractHandlers = { [C in InvokeChannel]: (...args: InvokeArgs<C>) => Promise<InvokeResult<C>> };
