/**
 * Names the OS sees. APP_ID must equal `appId` in electron-builder.yml: Windows shows toasts only for an
 * AppUserModelID that matches the Start-menu shortcut the installer created
 * (https://www.electronjs.org/docs/latest/tutorial/notifications#windows). A test reads the yml.
 */
export const APP_ID = 'org.itop-cti.companion';
export const PRODUCT_NAME = 'iTop CTI Companion';

/** The app's own deep-link scheme, always registered (itop-cti://call?phone=…, itop-cti://dial?number=…). */
export const APP_SCHEME = 'itop-cti';

/** Click-to-call schemes the agent may opt into (Settings → "Handle tel:/callto: links"). */
export const OPTIONAL_DIAL_SCHEMES = ['tel', 'callto'] as const;
export type OptionalDialScheme = (typeof OPTIONAL_DIAL_SCHEMES)[number];

/** Schemes to register as default protocol client, given the agent's choice. */
export function protocolSchemes(handleDialLinks: boolean): string[] {
  return handleDialLinks ? [APP_SCHEME, ...OPTIONAL_DIAL_SCHEMES] : [APP_SCHEME];
}

/**
 * Arguments for `app.setAsDefaultProtocolClient`. When started as `electron .` (process.defaultApp) the
 * OS must relaunch Electron with the app path, otherwise the link opens a bare Electron
 * (https://www.electronjs.org/docs/latest/tutorial/launch-app-from-url-in-another-app).
 */
export function protocolClientArgs(run: { defaultApp: boolean; execPath: string; appEntry: string | undefined }): { path?: string; args?: string[] } {
  if (!run.defaultApp || run.appEntry === undefined) return {};
  return { path: run.execPath, args: [run.appEntry] };
}
