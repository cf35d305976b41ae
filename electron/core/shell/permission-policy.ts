/**
 * Electron grants every permission request by default (https://www.electronjs.org/docs/latest/tutorial/security#5-handle-session-permission-requests-from-remote-content).
 * The companion needs none: no camera, microphone, geolocation, notifications from pages (the main
 * process shows them), no HID/serial/USB. Everything is denied, and each denial is reported once.
 */
export interface PermissionDecision {
  readonly granted: false;
  readonly log: string;
}

export function decidePermission(permission: string, requestingUrl: string): PermissionDecision {
  let origin = 'an unknown page';
  try {
    origin = new URL(requestingUrl).origin;
  } catch {
    // keep the generic description: the URL is only used for the log line
  }
  return { granted: false, log: `permission "${permission}" requested by ${origin} denied (the companion grants none)` };
}

/** For `setPermissionCheckHandler` (synchronous checks such as `navigator.permissions.query`). */
export function checkPermission(_permission: string): boolean {
  return false;
}
