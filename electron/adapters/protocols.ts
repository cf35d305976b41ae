import { OPTIONAL_DIAL_SCHEMES, protocolClientArgs, protocolSchemes } from '../core/shell/app-identity';

export interface ProtocolApp {
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean;
  removeAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean;
}

/**
 * Registers itop-cti: (always) and tel:/callto: (when the agent opted in; released otherwise). The
 * registry / LaunchServices part; Linux reads the scheme from the .desktop file electron-builder writes.
 * Returns the schemes the OS refused (e.g. tel: owned by a policy-managed softphone).
 */
export function registerProtocols(app: ProtocolApp, o: { handleDialLinks: boolean; defaultApp: boolean; execPath: string; appEntry: string | undefined }): string[] {
  const { path, args } = protocolClientArgs(o);
  const refused: string[] = [];
  for (const scheme of protocolSchemes(o.handleDialLinks)) {
    if (!app.setAsDefaultProtocolClient(scheme, path, args)) refused.push(scheme);
  }
  if (!o.handleDialLinks) for (const scheme of OPTIONAL_DIAL_SCHEMES) app.removeAsDefaultProtocolClient(scheme, path, args);
  return refused;
}
