import type { MenuItemConstructorOptions } from 'electron';
import { trayModelChanged, type TrayAction, type TrayItem, type TrayModel } from '../core/shell/tray-model';

export interface TrayLike {
  setToolTip(toolTip: string): void;
  setContextMenu(menu: unknown): void;
}

/** `Menu.buildFromTemplate`, injected (its result only goes back to setContextMenu). */
export type BuildMenu = (template: MenuItemConstructorOptions[]) => unknown;

export function toMenuTemplate(items: readonly TrayItem[], onAction: (action: TrayAction) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'status':
        return { id: item.id, label: item.label, enabled: false };
      case 'checkbox':
        return { id: item.action, label: item.label, type: 'checkbox', checked: item.checked, click: () => onAction(item.action) };
      case 'action':
        return { id: item.action, label: item.label, click: () => onAction(item.action) };
    }
  });
}

/**
 * Renders the tray model. The whole menu is built and set again on every visible change: on Linux a
 * menu changed in place is not shown until `setContextMenu` is called again.
 */
export function createTrayPresenter(tray: TrayLike, buildMenu: BuildMenu, onAction: (action: TrayAction) => void): (model: TrayModel) => void {
  let shown: TrayModel | undefined;
  return (model) => {
    if (!trayModelChanged(shown, model)) return;
    shown = model;
    tray.setToolTip(model.tooltip);
    tray.setContextMenu(buildMenu(toMenuTemplate(model.items, onAction)));
  };
}
