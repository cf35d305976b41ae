import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildTrayModel, type TrayAction } from '../core/shell/tray-model';
import { createTrayPresenter, type TrayLike } from './tray';

function fakeTray() {
  const menus: MenuItemConstructorOptions[][] = [];
  const tooltips: string[] = [];
  const tray: TrayLike = { setToolTip: (t) => void tooltips.push(t), setContextMenu: (m) => void menus.push(m as MenuItemConstructorOptions[]) };
  return { tray, menus, tooltips };
}

describe('tray adapter', () => {
  it('always sets a context menu (Linux shows no icon and ignores clicks without one)', () => {
    const { tray, menus } = fakeTray();
    const present = createTrayPresenter(tray, (template) => template, () => undefined);
    present(buildTrayModel({ status: undefined, doNotDisturb: false }, 'App'));
    expect(menus).toHaveLength(1);
    expect(menus[0]?.map((i) => i.type ?? 'normal')).toEqual(['normal', 'normal', 'normal', 'separator', 'checkbox', 'normal', 'normal', 'separator', 'normal']);
    expect(menus[0]?.slice(0, 3).every((i) => i.enabled === false)).toBe(true);
  });

  it('sets the whole menu again after every visible change, and not otherwise', () => {
    const { tray, menus, tooltips } = fakeTray();
    const present = createTrayPresenter(tray, (template) => template, () => undefined);
    present(buildTrayModel({ status: undefined, doNotDisturb: false }, 'App'));
    present(buildTrayModel({ status: undefined, doNotDisturb: false }, 'App'));
    present(buildTrayModel({ status: undefined, doNotDisturb: true }, 'App'));
    expect(menus).toHaveLength(2);
    expect(menus[1]?.find((i) => i.type === 'checkbox')?.checked).toBe(true);
    expect(tooltips[1]).toContain('Do not disturb');
  });

  it('turns clicks into actions', () => {
    const { tray, menus } = fakeTray();
    const actions: TrayAction[] = [];
    createTrayPresenter(tray, (template) => template, (a) => void actions.push(a))(buildTrayModel({ status: undefined, doNotDisturb: false }, 'App'));
    for (const item of menus[0] ?? []) (item.click as (() => void) | undefined)?.();
    expect(actions).toEqual(['toggle-dnd', 'show-window', 'open-settings', 'quit']);
  });
});
