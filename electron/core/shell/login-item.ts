import { join } from 'node:path';
import { PRODUCT_NAME } from './app-identity';

/**
 * "Start at login". Electron's setLoginItemSettings covers macOS and Windows only; on Linux the
 * freedesktop way is a .desktop file in ~/.config/autostart (XDG Autostart spec).
 */
export type LoginItemPlan =
  | { readonly kind: 'electron'; readonly openAtLogin: boolean }
  | { readonly kind: 'xdg-autostart'; readonly file: string; readonly content: string | undefined };

export const AUTOSTART_FILE_NAME = 'itop-cti-companion.desktop';

export function loginItemPlan(o: { platform: NodeJS.Platform; enabled: boolean; execPath: string; configHome: string; appImage?: string }): LoginItemPlan {
  if (o.platform !== 'linux') return { kind: 'electron', openAtLogin: o.enabled };
  const file = join(o.configHome, 'autostart', AUTOSTART_FILE_NAME);
  if (!o.enabled) return { kind: 'xdg-autostart', file, content: undefined };
  // An AppImage runs from a temporary mount: start the AppImage file itself, not the mounted binary.
  const exec = (o.appImage ?? o.execPath).replace(/(["`$\\])/g, '\\$1');
  const content = ['[Desktop Entry]', 'Type=Application', `Name=${PRODUCT_NAME}`, `Exec="${exec}" --hidden`, 'X-GNOME-Autostart-enabled=true', ''].join('\n');
  return { kind: 'xdg-autostart', file, content };
}
