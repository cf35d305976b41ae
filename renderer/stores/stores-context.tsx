import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { BridgeHandle } from '../bridge/get-bridge';
import { createCallsStore, type CallsStore } from './calls-store';
import { connectBridgeEvents } from './connect-bridge-events';
import { createDialStore, type DialStore } from './dial-store';
import { createHistoryStore, type HistoryStore } from './history-store';
import { createOutboxStore, type OutboxStore } from './outbox-store';
import { createSettingsStore, type SettingsStore } from './settings-store';
import { createStatusStore, type StatusStore } from './status-store';
import { createTicketStore, type TicketStore } from './ticket-store';
import { createUiStore, type UiStore } from './ui-store';

export interface Stores {
  calls: CallsStore;
  status: StatusStore;
  history: HistoryStore;
  settings: SettingsStore;
  ticket: TicketStore;
  ui: UiStore;
  outbox: OutboxStore;
  dial: DialStore;
  handle: BridgeHandle;
}

const StoresContext = createContext<Stores | null>(null);

/** Creates every store once for the given bridge and wires the pushed events into them. */
export function StoresProvider({ handle, children }: { handle: BridgeHandle; children: ReactNode }) {
  const [stores] = useState<Stores>(() => ({
    calls: createCallsStore(handle.bridge),
    status: createStatusStore(handle.transport.current()),
    history: createHistoryStore(handle.bridge),
    settings: createSettingsStore(handle.bridge),
    ticket: createTicketStore(handle.bridge),
    ui: createUiStore(),
    outbox: createOutboxStore(handle.bridge),
    dial: createDialStore(handle.bridge),
    handle,
  }));
  useEffect(() => connectBridgeEvents(handle.bridge, stores, handle.transport), [handle, stores]);
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores: StoresProvider is missing above this component');
  return stores;
}

// Atomic selectors: a component re-renders only when the slice it reads changes.
export const useCalls = () => useStore(useStores().calls, (s) => s.calls);
export const useCall = (callId: string) => useStore(useStores().calls, (s) => s.calls.find((c) => c.callId === callId));
export const useFocusedCallId = () => useStore(useStores().calls, (s) => s.focusedCallId);
export const useCallError = (callId: string) => useStore(useStores().calls, (s) => s.errors[callId]);
export const useSimulation = () => useStore(useStores().calls, (s) => s.simulation);
export const useCallsActions = () => useStore(useStores().calls, (s) => s.actions);
export const useAppStatus = () => useStore(useStores().status, (s) => s.status);
export const useTransport = () => useStore(useStores().status, (s) => s.transport);
export const useHistoryEntries = () => useStore(useStores().history, (s) => s.entries);
export const useHistoryActions = () => useStore(useStores().history, (s) => s.actions);
export const useSettingsView = () => useStore(useStores().settings, (s) => s.view);
export const useSettingsRequests = () => useStore(useStores().settings, useShallow((s) => ({ load: s.load, save: s.save, test: s.test, import: s.import, demo: s.demo })));
export const useSettingsActions = () => useStore(useStores().settings, (s) => s.actions);
export const useTicket = () => useStore(useStores().ticket, useShallow((s) => ({ ref: s.ref, state: s.state, detail: s.detail, error: s.error })));
export const useTicketActions = () => useStore(useStores().ticket, (s) => s.actions);
export const usePage = () => useStore(useStores().ui, (s) => s.page);
export const useNotice = () => useStore(useStores().ui, (s) => s.notice);
export const useUiActions = () => useStore(useStores().ui, (s) => s.actions);
export const useOutbox = () => useStore(useStores().outbox, useShallow((s) => ({ status: s.status, error: s.error })));
export const useOutboxActions = () => useStore(useStores().outbox, (s) => s.actions);
export const useDial = () => useStore(useStores().dial, useShallow((s) => ({ pending: s.pending, error: s.error, busy: s.busy })));
export const useDialActions = () => useStore(useStores().dial, (s) => s.actions);
export const useHost = () => useStores().handle.host;
export const useBridge = () => useStores().handle.bridge;
