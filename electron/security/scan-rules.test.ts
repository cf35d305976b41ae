import { describe, expect, it } from 'vitest';
import { collectShellFiles } from './check-security';
import { formatFindings, scanShell, type ScannedFile } from './scan-rules';

const GUARDS: ScannedFile = { path: 'electron/main.ts', text: 'setPermissionRequestHandler setWindowOpenHandler will-navigate requestSingleInstanceLock' };
const scan = (sources: ScannedFile[], built: ScannedFile[] = []) => scanShell({ sources: [GUARDS, ...sources], built, expectBuilt: [] });
const rules = (findings: ReturnType<typeof scan>) => findings.map((f) => `${f.severity} ${f.rule}${f.line ? `:${f.line}` : ''}`);

describe('security scan rules', () => {
  it('flags insecure webPreferences in the built main bundle as high, with the line (the sources are Electronegativity\'s)', () => {
    const text = "new BrowserWindow({\n webPreferences: { nodeIntegration: true, sandbox: false,\n contextIsolation: false, webSecurity: false, allowRunningInsecureContent: true, webviewTag: true } })";
    expect(rules(scan([], [{ path: 'out/main/main.cjs', text }])).sort()).toEqual(['high web-preferences:2', 'high web-preferences:2', 'high web-preferences:3', 'high web-preferences:3', 'high web-preferences:3', 'high web-preferences:3']);
    expect(rules(scan([{ path: 'electron/adapters/x.ts', text }]))).toEqual([]);
  });

  it('allows shell.openExternal only in the allow-listed adapter', () => {
    expect(rules(scan([{ path: 'electron/adapters/external-opener.ts', text: 'await shell.openExternal(url)' }]))).toEqual([]);
    expect(rules(scan([{ path: 'electron/main.ts', text: 'shell.openExternal(url)' }]))).toEqual(['high open-external:1']);
  });

  it('flags ipcRenderer outside the preload and any exposure of it', () => {
    expect(rules(scan([{ path: 'electron/preload.ts', text: "contextBridge.exposeInMainWorld('ipc', ipcRenderer)" }]))).toEqual(['high ipc-renderer:1']);
    expect(rules(scan([{ path: 'electron/adapters/y.ts', text: 'ipcRenderer.send()' }]))).toEqual(['high ipc-renderer:1']);
  });

  it('flags unguarded IPC, remote pages and silenced warnings as medium', () => {
    const file = { path: 'electron/adapters/z.ts', text: "ipcMain.on('x', f)\nwin.loadURL('https://itop.example.com')\nprocess.env.ELECTRON_DISABLE_SECURITY_WARNINGS = '1'" };
    expect(rules(scan([file]))).toEqual(['medium ipc-unchecked:1', 'medium security-warnings:3', 'medium remote-content:2']);
  });

  it('requires the permission, window-open, navigation and single-instance guards', () => {
    const findings = scanShell({ sources: [{ path: 'electron/main.ts', text: '' }], built: [], expectBuilt: [] });
    expect(findings.filter((f) => f.rule === 'missing-guard')).toHaveLength(4);
  });

  it('checks the built preload is CommonJS requiring only electron', () => {
    const esm = { path: 'out/main/preload.cjs', text: "import { contextBridge } from 'electron';\nrequire(\"./chunk.js\")" };
    expect(rules(scan([], [esm]))).toEqual(['high preload-cjs:1', 'high preload-bundle']);
    expect(rules(scan([], [{ path: 'out/main/preload.cjs', text: 'const e = require("electron");' }]))).toEqual([]);
  });

  it('checks the CSP of the renderer page and reports missing build output', () => {
    const html = { path: 'out/renderer/index.html', text: `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'">` };
    expect(rules(scan([], [html]))).toEqual(['high csp']);
    const missing = scanShell({ sources: [GUARDS], built: [], expectBuilt: ['out/main/main.cjs'] });
    expect(rules(missing)).toEqual(['medium not-built']);
    expect(formatFindings(missing)).toMatch(/0 high, 1 medium, 0 low\.$/);
  });

  it('finds nothing of high severity in this repository', () => {
    const findings = scanShell(collectShellFiles());
    expect(findings.filter((f) => f.severity === 'high'), formatFindings(findings)).toEqual([]);
  });
});
