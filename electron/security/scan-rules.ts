import { rendererCspProblems } from '../core/shell/csp';

/**
 * The project's own rules, for what Electronegativity (run on the sources by check-security.ts) does not
 * check: where openExternal and ipcRenderer may appear, IPC that bypasses the contract router, the guards the
 * main process must install, and the built bundles (the sandboxed preload must be CommonJS requiring only
 * electron; the main bundle keeps the secure webPreferences). Stray run-time `electron` imports are an ESLint
 * rule (eslint.config.js). Pure: the CLI reads the files.
 */
export type Severity = 'high' | 'medium' | 'low';

export interface Finding {
  readonly severity: Severity;
  readonly rule: string;
  readonly file: string;
  readonly line?: number;
  readonly message: string;
}

export interface ScannedFile {
  /** Path relative to the project root, with forward slashes. */
  readonly path: string;
  readonly text: string;
}

const WEB_PREFERENCE_FLAGS: readonly [RegExp, string][] = [
  [/\bnodeIntegration\s*:\s*true\b/, 'nodeIntegration: true gives page scripts Node (and the whole machine)'],
  [/\bnodeIntegrationInWorker\s*:\s*true\b/, 'nodeIntegrationInWorker: true gives web workers Node'],
  [/\bnodeIntegrationInSubFrames\s*:\s*true\b/, 'nodeIntegrationInSubFrames: true gives iframes Node'],
  [/\bcontextIsolation\s*:\s*false\b/, 'contextIsolation: false lets the page reach the preload\'s objects'],
  [/\bsandbox\s*:\s*false\b/, 'sandbox: false runs the renderer without the OS sandbox'],
  [/\bwebSecurity\s*:\s*false\b/, 'webSecurity: false turns off the same-origin policy'],
  [/\ballowRunningInsecureContent\s*:\s*true\b/, 'allowRunningInsecureContent: true runs http scripts in https pages'],
  [/\bwebviewTag\s*:\s*true\b/, 'webviewTag: true allows <webview>, a window with its own preferences'],
  [/\bexperimentalFeatures\s*:\s*true\b/, 'experimentalFeatures: true enables untested Chromium features'],
  [/\benableBlinkFeatures\s*:/, 'enableBlinkFeatures turns on Blink features outside Electron\'s defaults'],
];

/** The single file allowed to call shell.openExternal (behind the allow-list). */
export const OPEN_EXTERNAL_ADAPTER = 'electron/adapters/external-opener.ts';

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

function each(file: ScannedFile, pattern: RegExp, report: (line: number) => void): void {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (const m of file.text.matchAll(global)) report(lineOf(file.text, m.index ?? 0));
}

function scanSource(file: ScannedFile, out: Finding[]): void {
  // webPreferences in the sources: Electronegativity's checks (NODE_INTEGRATION, CONTEXT_ISOLATION, SANDBOX…).
  if (file.path !== OPEN_EXTERNAL_ADAPTER) {
    each(file, /\bshell\s*\.\s*openExternal\s*\(/, (line) => out.push({ severity: 'high', rule: 'open-external', file: file.path, line, message: `shell.openExternal outside ${OPEN_EXTERNAL_ADAPTER} bypasses the link allow-list` }));
  }
  if (file.path !== 'electron/preload.ts') {
    each(file, /\bipcRenderer\b/, (line) => out.push({ severity: 'high', rule: 'ipc-renderer', file: file.path, line, message: 'ipcRenderer used outside the preload' }));
  }
  each(file, /exposeInMainWorld\s*\([^)]*\bipcRenderer\b/, (line) => out.push({ severity: 'high', rule: 'ipc-renderer', file: file.path, line, message: 'ipcRenderer exposed to the page: any script could call any channel' }));
  each(file, /\bipcMain\.on\s*\(/, (line) => out.push({ severity: 'medium', rule: 'ipc-unchecked', file: file.path, line, message: 'ipcMain.on bypasses the contract router (sender check, argument validation)' }));
  each(file, /\bsendSync\s*\(/, (line) => out.push({ severity: 'medium', rule: 'ipc-sync', file: file.path, line, message: 'synchronous IPC blocks the renderer and skips the contract router' }));
  each(file, /ELECTRON_DISABLE_SECURITY_WARNINGS/, (line) => out.push({ severity: 'medium', rule: 'security-warnings', file: file.path, line, message: "Electron's security warnings are switched off" }));
  each(file, /\.loadURL\s*\(\s*['"`]https?:/, (line) => out.push({ severity: 'medium', rule: 'remote-content', file: file.path, line, message: 'a window of ours loads a remote page (it would get the preload bridge)' }));
  if (file.path === 'electron/preload.ts') {
    each(file, /\beval\s*\(|\bnew Function\s*\(/, (line) => out.push({ severity: 'high', rule: 'preload-eval', file: file.path, line, message: 'eval in the preload' }));
  }
}

/** Flags the main process must set somewhere (Electron defaults are permissive). */
const REQUIRED_IN_SHELL: readonly [RegExp, string][] = [
  [/setPermissionRequestHandler/, 'no setPermissionRequestHandler: Electron grants every permission request by default'],
  [/setWindowOpenHandler/, 'no setWindowOpenHandler: window.open creates new windows'],
  [/will-navigate/, 'no will-navigate guard: a link can navigate a window away from the app'],
  [/requestSingleInstanceLock/, 'no single-instance lock: deep links start a second app'],
];

function scanBuiltPreload(file: ScannedFile, out: Finding[]): void {
  const esm = file.text.split('\n').findIndex((l) => /^\s*(import\s+[\w*{"']|export\s+)/.test(l));
  if (esm !== -1) out.push({ severity: 'high', rule: 'preload-cjs', file: file.path, line: esm + 1, message: 'the preload bundle is ESM: it does not run with sandbox: true' });
  const requires = [...new Set([...file.text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]))];
  const others = requires.filter((r) => r !== 'electron');
  if (others.length > 0) out.push({ severity: 'high', rule: 'preload-bundle', file: file.path, message: `the sandboxed preload requires ${others.join(', ')}; it may only require electron` });
  if (/exposeInMainWorld\([^)]*ipcRenderer\s*\)/.test(file.text)) out.push({ severity: 'high', rule: 'ipc-renderer', file: file.path, message: 'the built preload exposes ipcRenderer' });
}

function scanBuiltMain(file: ScannedFile, out: Finding[]): void {
  for (const [pattern, message] of WEB_PREFERENCE_FLAGS) each(file, pattern, (line) => out.push({ severity: 'high', rule: 'web-preferences', file: file.path, line, message }));
  // Rollup renames colliding identifiers (shell → shell2), so allow a numeric suffix.
  const sites = [...file.text.matchAll(/\bshell\d*\s*\.\s*openExternal\s*\(/g)].length;
  if (sites > 1) out.push({ severity: 'high', rule: 'open-external', file: file.path, message: `${sites} openExternal call sites in the bundle; only the allow-listed adapter may call it` });
}

function scanHtml(file: ScannedFile, out: Finding[]): void {
  for (const problem of rendererCspProblems(file.text)) {
    const severity: Severity = /script-src|no <meta|neither/.test(problem) ? 'high' : 'medium';
    out.push({ severity, rule: 'csp', file: file.path, message: problem });
  }
}

/**
 * `sources`: electron/** TypeScript (tests excluded); `built`: out/main/*.cjs and the renderer HTML
 * (built if present, else the source page). Missing build output is reported, not assumed fine.
 */
export function scanShell(input: { sources: readonly ScannedFile[]; built: readonly ScannedFile[]; expectBuilt: readonly string[] }): Finding[] {
  const out: Finding[] = [];
  for (const file of input.sources) scanSource(file, out);
  const shellText = input.sources.filter((f) => f.path === 'electron/main.ts' || f.path.startsWith('electron/adapters/')).map((f) => f.text).join('\n');
  for (const [pattern, message] of REQUIRED_IN_SHELL) if (!pattern.test(shellText)) out.push({ severity: 'high', rule: 'missing-guard', file: 'electron/main.ts', message });
  for (const file of input.built) {
    if (file.path.endsWith('preload.cjs')) scanBuiltPreload(file, out);
    else if (file.path.endsWith('.cjs')) scanBuiltMain(file, out);
    else if (file.path.endsWith('.html')) scanHtml(file, out);
  }
  for (const expected of input.expectBuilt) {
    if (!input.built.some((f) => f.path === expected)) out.push({ severity: 'medium', rule: 'not-built', file: expected, message: 'not built: run `npm run build:shell` (and `npm run build`) first to check the bundles' });
  }
  return out;
}

const ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

export function formatFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'Electron security check: no findings.';
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.file.localeCompare(b.file));
  const lines = sorted.map((f) => `${f.severity.toUpperCase().padEnd(6)} ${f.rule.padEnd(16)} ${f.file}${f.line ? `:${f.line}` : ''}  ${f.message}`);
  const count = (s: Severity): number => findings.filter((f) => f.severity === s).length;
  return [...lines, `Electron security check: ${count('high')} high, ${count('medium')} medium, ${count('low')} low.`].join('\n');
}
