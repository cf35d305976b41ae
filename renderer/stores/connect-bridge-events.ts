import type { CtiBridge } from '../../shared/contract/contract';
import type { TransportStatus } from '../bridge/transport-status';
import type { CallsStore } from './calls-store';
import type { HistoryStore } from './history-store';
import type { StatusStore } from './status-store';
import type { UiStore } from './ui-store';

export interface AppStores {
  calls: CallsStore;
  status: StatusStore;
  history: HistoryStore;
  ui: UiStore;
}

/**
 * The ONLY subscriber to pushed events. Fetches a full snapshot at start and after every reconnection
 * (events sent while the socket was down are lost, the snapshot catches up). Returns the cleanup.
 */
export function connectBridgeEvents(bridge: CtiBridge, stores: AppStores, transport?: TransportStatus): () => void {
  let disposed = false;
  const loadSnapshot = async () => {
    const r = await bridge.invoke('app:snapshot');
    if (disposed) return;
    if (!r.ok) {
      stores.ui.getState().actions.noticeShown(r.error.message);
      return;
    }
    stores.calls.getState().actions.snapshotReceived(r.value.calls, true);
    stores.status.getState().actions.statusReceived(r.value.status);
    stores.history.getState().actions.historyReceived(r.value.history);
  };

  const offs = [
    bridge.on('calls:changed', (s) => stores.calls.getState().actions.snapshotReceived(s)),
    bridge.on('status:changed', (s) => stores.status.getState().actions.statusReceived(s)),
    bridge.on('history:changed', (h) => stores.history.getState().actions.historyReceived(h)),
    bridge.on('call:focus', ({ callId }) => {
      stores.ui.getState().actions.pageChosen('calls');
      stores.calls.getState().actions.focusRequested(callId);
    }),
  ];
  if (transport) {
    stores.status.getState().actions.transportChanged(transport.current());
    offs.push(
      transport.subscribe((state) => {
        stores.status.getState().actions.transportChanged(state);
        if (state === 'open') void loadSnapshot();
      }),
    );
  }
  // Over a socket still connecting, the 'open' transition above triggers the first load.
  if (!transport || transport.current() === 'open') void loadSnapshot();
  return () => {
    disposed = true;
    for (const off of offs) off();
  };
}
