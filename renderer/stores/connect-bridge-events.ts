import type { CtiBridge } from '../../shared/contract/contract';
import type { TransportStatus } from '../bridge/transport-status';
import type { CallsStore } from './calls-store';
import type { DialStore } from './dial-store';
import type { HistoryStore } from './history-store';
import type { OutboxStore } from './outbox-store';
import type { StatusStore } from './status-store';
import type { UiStore } from './ui-store';

export interface AppStores {
  calls: CallsStore;
  status: StatusStore;
  history: HistoryStore;
  ui: UiStore;
  /** Optional so older callers (tests of the inbound panel) need not create them. */
  outbox?: OutboxStore;
  dial?: DialStore;
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
    // Writes and deep-link dials are not part of the snapshot: fetch them alongside.
    await Promise.all([stores.outbox?.getState().actions.refreshRequested(), stores.dial?.getState().actions.refreshRequested()]);
  };

  const offs = [
    bridge.on('calls:changed', (s) => stores.calls.getState().actions.snapshotReceived(s)),
    bridge.on('status:changed', (s) => stores.status.getState().actions.statusReceived(s)),
    bridge.on('history:changed', (h) => stores.history.getState().actions.historyReceived(h)),
    bridge.on('outbox:changed', (s) => stores.outbox?.getState().actions.statusReceived(s)),
    bridge.on('dial:pending-changed', (p) => stores.dial?.getState().actions.pendingReceived(p)),
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
