import { checkPermission, decidePermission } from '../core/shell/permission-policy';

export interface PermissionSession {
  setPermissionRequestHandler(handler: (webContents: { getURL(): string }, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

/** Electron grants every permission unless told otherwise; the companion denies them all. */
export function denyAllPermissions(session: PermissionSession, log: { warn(message: string): void }): void {
  session.setPermissionRequestHandler((webContents, permission, callback) => {
    const decision = decidePermission(permission, webContents.getURL());
    log.warn(decision.log);
    callback(decision.granted);
  });
  session.setPermissionCheckHandler((_webContents, permission) => checkPermission(permission));
}
