import { createStore } from 'zustand/vanilla';
import type { AppStatus } from '../../shared/contract/views';
import type { TransportState } from '../bridge/transport-status';

export interface StatusState {
  /** Null until the first snapshot arrives. */
  status: AppStatus | null;
  /** Whether the UI reaches the core at all (web mode can lose its socket; Electron never does). */
  transport: TransportState;
  actions: {
    statusReceived(status: AppStatus): void;
    transportChanged(state: TransportState): void;
  };
}

export function createStatusStore(initialTransport: TransportState = 'open') {
  return createStore<StatusState>()((set) => ({
    status: null,
    transport: initialTransport,
    actions: {
      statusReceived: (status) => set({ status }),
      transportChanged: (transport) => set({ transport }),
    },
  }));
}
export type StatusStore = ReturnType<typeof createStatusStore>;
