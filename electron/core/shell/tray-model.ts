import type { AppStatus } from '../../../shared/contract/views';

/**
 * The tray menu as data. On Linux (AppIndicator) a tray click does nothing and the icon only shows with a
 * context menu, and a changed menu is only seen after `setContextMenu` again
 * (https://www.electronjs.org/docs/latest/api/tray#platform-considerations): so everything is in the
 * menu, and the adapter re-sets the whole menu on every change.
 */
export type TrayAction = 'toggle-dnd' | 'show-window' | 'open-settings' | 'quit';

export type TrayItem =
  | { readonly kind: 'status'; readonly id: 'itop' | 'bridge' | 'outbox'; readonly label: string }
  | { readonly kind: 'separator' }
  | { readonly kind: 'checkbox'; readonly action: 'toggle-dnd'; readonly label: string; readonly checked: boolean }
  | { readonly kind: 'action'; readonly action: Exclude<TrayAction, 'toggle-dnd'>; readonly label: string };

export type TrayHealth = 'ok' | 'degraded' | 'down';

export interface TrayModel {
  readonly tooltip: string;
  readonly health: TrayHealth;
  readonly items: readonly TrayItem[];
}

export interface TrayState {
  /** undefined until the core published its first status. */
  readonly status: AppStatus | undefined;
  readonly doNotDisturb: boolean;
}

const ITOP_LABEL: Record<AppStatus['itop']['state'], string> = {
  demo: 'demo (simulator)',
  checking: 'checking…',
  connected: 'connected',
  unreachable: 'unreachable',
  'login-refused': 'login refused',
  'not-configured': 'not configured',
};

function itopLine(status: AppStatus | undefined): string {
  if (!status) return 'iTop: starting…';
  const { itop } = status;
  const who = itop.state === 'connected' && itop.identity ? ` as ${itop.identity.name}` : '';
  return `iTop: ${ITOP_LABEL[itop.state]}${who}`;
}

function bridgeLine(status: AppStatus | undefined): string {
  if (!status) return 'Phone bridge: starting…';
  const n = status.bridge.connected;
  return n === 0 ? `Phone bridge: none connected (port ${status.bridge.port})` : `Phone bridge: ${n} connected`;
}

function outboxLine(status: AppStatus | undefined): string {
  if (!status) return 'Call log: starting…';
  const { pending, failed } = status.outbox;
  if (pending === 0 && failed === 0) return 'Call log: all saved in iTop';
  const parts = [pending > 0 ? `${pending} waiting` : '', failed > 0 ? `${failed} failed` : ''].filter(Boolean);
  return `Call log: ${parts.join(', ')}`;
}

export function trayHealth(status: AppStatus | undefined): TrayHealth {
  if (!status) return 'degraded';
  const itop = status.itop.state;
  if (itop === 'unreachable' || itop === 'login-refused' || itop === 'not-configured' || status.outbox.failed > 0) return 'down';
  if (itop === 'checking' || status.bridge.connected === 0 || status.outbox.pending > 0) return 'degraded';
  return 'ok';
}

export function buildTrayModel(state: TrayState, productName: string): TrayModel {
  const lines = [itopLine(state.status), bridgeLine(state.status), outboxLine(state.status)];
  return {
    tooltip: [productName, ...(state.doNotDisturb ? ['Do not disturb'] : []), ...lines].join('\n'),
    health: trayHealth(state.status),
    items: [
      { kind: 'status', id: 'itop', label: lines[0] as string },
      { kind: 'status', id: 'bridge', label: lines[1] as string },
      { kind: 'status', id: 'outbox', label: lines[2] as string },
      { kind: 'separator' },
      { kind: 'checkbox', action: 'toggle-dnd', label: 'Do not disturb (no pop-ups; calls are still logged)', checked: state.doNotDisturb },
      { kind: 'action', action: 'show-window', label: `Show ${productName}` },
      { kind: 'action', action: 'open-settings', label: 'Settings…' },
      { kind: 'separator' },
      { kind: 'action', action: 'quit', label: 'Quit' },
    ],
  };
}

/** Whether the adapter must rebuild and re-set the menu: any visible change (cheap to compare, tiny model). */
export function trayModelChanged(before: TrayModel | undefined, after: TrayModel): boolean {
  return before === undefined || JSON.stringify(before) !== JSON.stringify(after);
}
