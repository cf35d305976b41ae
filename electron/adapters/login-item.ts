import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { LoginItemPlan } from '../core/shell/login-item';

export interface LoginItemApp {
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void;
}

/** Applies the plan: Electron's API on macOS/Windows, an XDG autostart file on Linux. */
export async function applyLoginItem(app: LoginItemApp, plan: LoginItemPlan): Promise<void> {
  if (plan.kind === 'electron') return app.setLoginItemSettings({ openAtLogin: plan.openAtLogin, args: ['--hidden'] });
  if (plan.content === undefined) return rm(plan.file, { force: true });
  await mkdir(dirname(plan.file), { recursive: true });
  await writeFile(plan.file, plan.content, { mode: 0o644 });
}
