import { describe, expect, it } from 'vitest';
import type { AppStatus } from '../../../shared/contract/views';
import { buildTrayModel, trayHealth, trayModelChanged } from './tray-model';

const status = (over: Partial<AppStatus> = {}): AppStatus => ({
  itop: { state: 'connected', url: 'https://itop.example.com', identity: { personId: '40', name: 'Carla Tiago' } },
  bridge: { connected: 1, port: 4567 },
  index: { persons: 10, numbers: 20, building: false },
  outbox: { pending: 0, failed: 0 },
  ...over,
});

describe('tray menu model', () => {
  it('shows iTop, the phone bridge and the call log, then do-not-disturb, show, settings, quit', () => {
    const model = buildTrayModel({ status: status(), doNotDisturb: false }, 'iTop CTI Companion');
    expect(model.items.map((i) => (i.kind === 'separator' ? '—' : i.label))).toEqual([
      'iTop: connected as Carla Tiago',
      'Phone bridge: 1 connected',
      'Call log: all saved in iTop',
      '—',
      'Do not disturb (no pop-ups; calls are still logged)',
      'Show iTop CTI Companion',
      'Settings…',
      '—',
      'Quit',
    ]);
    expect(model.health).toBe('ok');
    expect(model.items.find((i) => i.kind === 'checkbox')).toMatchObject({ checked: false });
  });

  it('says what is wrong, in the menu and the tooltip', () => {
    const model = buildTrayModel({ status: status({ itop: { state: 'unreachable', url: 'x' }, bridge: { connected: 0, port: 4567 }, outbox: { pending: 2, failed: 1 } }), doNotDisturb: true }, 'App');
    expect(model.tooltip.split('\n')).toEqual(['App', 'Do not disturb', 'iTop: unreachable', 'Phone bridge: none connected (port 4567)', 'Call log: 2 waiting, 1 failed']);
    expect(model.health).toBe('down');
    expect(model.items.find((i) => i.kind === 'checkbox')).toMatchObject({ checked: true });
  });

  it('grades health: starting and waiting are degraded, refusals and failed writes are down', () => {
    expect(trayHealth(undefined)).toBe('degraded');
    expect(trayHealth(status({ bridge: { connected: 0, port: 1 } }))).toBe('degraded');
    expect(trayHealth(status({ outbox: { pending: 1, failed: 0 } }))).toBe('degraded');
    expect(trayHealth(status({ itop: { state: 'login-refused', url: '' } }))).toBe('down');
    expect(buildTrayModel({ status: undefined, doNotDisturb: false }, 'A').items[0]).toMatchObject({ label: 'iTop: starting…' });
  });

  it('detects visible changes only', () => {
    const a = buildTrayModel({ status: status(), doNotDisturb: false }, 'A');
    expect(trayModelChanged(undefined, a)).toBe(true);
    expect(trayModelChanged(a, buildTrayModel({ status: status({ index: { persons: 99, numbers: 1, building: true } }), doNotDisturb: false }, 'A'))).toBe(false);
    expect(trayModelChanged(a, buildTrayModel({ status: status(), doNotDisturb: true }, 'A'))).toBe(true);
  });
});
