/** Whether the UI can currently reach the core (always 'open' inside Electron). */
export type TransportState = 'connecting' | 'open' | 'disconnected';

export interface TransportStatus {
  current(): TransportState;
  subscribe(listener: (state: TransportState) => void): () => void;
}

export interface MutableTransportStatus extends TransportStatus {
  set(state: TransportState): void;
}

export function createTransportStatus(initial: TransportState): MutableTransportStatus {
  let state = initial;
  const listeners = new Set<(s: TransportState) => void>();
  return {
    current: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      if (next === state) return;
      state = next;
      for (const l of listeners) l(next);
    },
  };
}
