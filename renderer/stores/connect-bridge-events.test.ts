import { describe, it, expect } from 'vitest';
import { createFakeBridge } from '../bridge/fake-bridge';
import { createTransportStatus } from '../bridge/transport-status';
import { sampleCall, sampleHistory, sampleStatus } from '../testing/sample-views';
import { createCallsStore } from './calls-store';
import { connectBridgeEvents, type AppStores } from './connect-bridge-events';
import { createHistoryStore } from './history-store';
import { createStatusStore } from './status-store';
import { createUiStore } from './ui-store';
import type { CtiBridge } from '../../shared/contract/contract';

const storesFor = (bridge: CtiBridge): AppStores => ({
  calls: createCallsStore(bridge),
  status: createStatusStore(),
  history: createHistoryStore(bridge),
  ui: createUiStore('settings'),
});
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('connectBridgeEvents', () => {
  it('loads the snapshot, then follows pushed events until cleaned up', async () => {
    let snapshots = 0;
    const bridge = createFakeBridge({
      'app:snapshot': async () => (snapshots++, { calls: { version: 1, calls: [] }, status: sampleStatus(), history: [] }),
    });
    const stores = storesFor(bridge);
    const cleanup = connectBridgeEvents(bridge, stores);
    await settle();
    expect(snapshots).toBe(1);
    expect(stores.status.getState().status?.itop.state).toBe('connected');

    bridge.emit('calls:changed', { version: 2, calls: [sampleCall()] });
    bridge.emit('history:changed', [sampleHistory()]);
    bridge.emit('status:changed', sampleStatus({ itop: { state: 'unreachable', url: 'http://x', message: 'ECONNREFUSED' } }));
    bridge.emit('call:focus', { callId: 'c1' });
    expect(stores.calls.getState().calls).toHaveLength(1);
    expect(stores.history.getState().entries).toHaveLength(1);
    expect(stores.status.getState().status?.itop.state).toBe('unreachable');
    expect(stores.calls.getState().focusedCallId).toBe('c1');
    expect(stores.ui.getState().page).toBe('calls');

    cleanup();
    bridge.emit('calls:changed', { version: 3, calls: [] });
    expect(stores.calls.getState().calls).toHaveLength(1);
  });

  it('reloads the snapshot each time the transport reopens and mirrors its state', async () => {
    let snapshots = 0;
    const bridge = createFakeBridge({
      'app:snapshot': async () => (snapshots++, { calls: { version: 0, calls: [] }, status: sampleStatus(), history: [] }),
    });
    const transport = createTransportStatus('connecting');
    const stores = storesFor(bridge);
    connectBridgeEvents(bridge, stores, transport);
    await settle();
    expect(snapshots).toBe(0);
    expect(stores.status.getState().transport).toBe('connecting');
    transport.set('open');
    await settle();
    transport.set('disconnected');
    expect(stores.status.getState().transport).toBe('disconnected');
    transport.set('open');
    await settle();
    expect(snapshots).toBe(2);
  });

  it('shows a notice when the snapshot cannot be loaded', async () => {
    const bridge = createFakeBridge();
    const stores = storesFor(bridge);
    connectBridgeEvents(bridge, stores);
    await settle();
    expect(stores.ui.getState().notice).toContain('app:snapshot');
  });
});
