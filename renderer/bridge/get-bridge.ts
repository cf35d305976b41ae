import type { CtiBridge } from '../../shared/contract/contract';
import { CONTRACT_SOCKET_PATH } from '../../shared/contract/web-frames';
import { createTransportStatus, type TransportStatus } from './transport-status';
import { createWebBridge } from './web-bridge';

/** The bridge the app runs on, and where it came from (links open differently in a browser). */
export interface BridgeHandle {
  readonly bridge: CtiBridge;
  readonly transport: TransportStatus;
  readonly host: 'electron' | 'web';
}

interface WindowWithCti {
  cti?: CtiBridge;
  location: { protocol: string; host: string };
}

/**
 * Picks `window.cti` (exposed by the Electron preload through contextBridge) when present, otherwise the
 * web-mode WebSocket client talking to the page's own origin. The only place that looks at `window.cti`.
 */
export function getBridge(win: WindowWithCti): BridgeHandle {
  if (win.cti) return { bridge: win.cti, transport: createTransportStatus('open'), host: 'electron' };
  const scheme = win.location.protocol === 'https:' ? 'wss' : 'ws';
  const web = createWebBridge(`${scheme}://${win.location.host}${CONTRACT_SOCKET_PATH}`);
  return { bridge: web, transport: web.transport, host: 'web' };
}
