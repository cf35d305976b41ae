import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { SIM_USERS } from '../itop-sim/credentials';
import { startSimulator, type RunningSimulator } from '../itop-sim/spawn';
import { rest } from '../itop-sim/test-client';
import { builtAppMissing, electronRuntime, PROJECT_ROOT } from './electron-runtime';
import { freePort } from '../testing/free-port';

/**
 * The real desktop app, end to end: a CTI bridge event → the ring pop-up (shown without focus) with the
 * caller from iTop → hang-up → a PhoneCall logged in (simulated) iTop. Runs only where an Electron binary
 * exists; everywhere else each test is skipped with the reason.
 */
const runtime = electronRuntime();
if (!runtime.ok) console.warn(`[e2e/electron] skipped: ${runtime.reason}`);
test.skip(!runtime.ok, runtime.ok ? '' : runtime.reason);

const CALLER = { number: '+33 1 23 45 67 89', name: 'Camille Martin' }; // person 42 of the recorded dataset
const CTI_TOKEN = 'e2e-electron-token-0123456789';

let sim: RunningSimulator;
let app: ElectronApplication;
let profile: string;
let ctiPort: number;

test.beforeAll(async () => {
  const missing = builtAppMissing();
  if (missing) throw new Error(missing);
  sim = await startSimulator();
  profile = await mkdtemp(join(tmpdir(), 'itop-cti-e2e-'));
  ctiPort = await freePort();
  app = await electron.launch({
    args: [PROJECT_ROOT],
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      ITOP_CTI_USER_DATA: profile, // a throw-away profile: own settings, secrets and single-instance lock
      ITOP_URL: sim.url,
      ITOP_USER: SIM_USERS.cti.login,
      ITOP_PASSWORD: SIM_USERS.cti.password,
      CTI_PORT: String(ctiPort),
      CTI_TOKEN,
    },
  });
});

test.afterAll(async () => {
  await app?.close();
  await sim?.stop();
  if (profile) await rm(profile, { recursive: true, force: true });
});

async function bridge(event: Record<string, unknown>): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${ctiPort}/events`, { method: 'POST', headers: { Authorization: `Bearer ${CTI_TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify(event) });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
}

/** The page's globals, typed here because this file is type-checked without the DOM library. */
type PageGlobals = { cti?: { invoke?: unknown }; require?: unknown; process?: unknown; document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null } };

test('the main window loads the app with the bridge, no Node, and a strict CSP', async () => {
  const main = await app.firstWindow();
  await expect.poll(() => main.evaluate(() => typeof (globalThis as unknown as PageGlobals).cti?.invoke)).toBe('function');
  expect(await main.evaluate(() => [typeof (globalThis as unknown as PageGlobals).require, typeof (globalThis as unknown as PageGlobals).process])).toEqual(['undefined', 'undefined']);
  const csp = await main.evaluate(() => (globalThis as unknown as PageGlobals).document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'));
  expect(csp).toContain("script-src 'self'");
});

test('a ringing call pops up without focus, and the hang-up is logged as a PhoneCall in iTop', async () => {
  await app.firstWindow();
  const popupOpened = app.waitForEvent('window', { predicate: (page: Page) => page.url().includes('ring-popup') });
  await bridge({ event: 'ringing', callId: 'e2e-call-1', from: CALLER.number, to: '201', direction: 'inbound' });
  const popup = await popupOpened;
  await expect(popup.getByText(CALLER.name).first()).toBeVisible();
  const popupFocused = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().find((w) => w.webContents.getURL().includes('ring-popup'))?.isFocused());
  expect(popupFocused).toBe(false);

  await bridge({ event: 'answered', callId: 'e2e-call-1', from: CALLER.number, to: '201' });
  await bridge({ event: 'hangup', callId: 'e2e-call-1', from: CALLER.number, to: '201' });
  await expect
    .poll(async () => {
      const answer = await rest(sim.url, { operation: 'core/get', class: 'PhoneCall', key: 'SELECT PhoneCall', output_fields: 'caller_id,phone_number' });
      return Object.values(answer.json?.objects ?? {}).map((o) => String(o.fields['phone_number'] ?? ''));
    }, { timeout: 20_000 })
    .toContainEqual(expect.stringContaining('123456789'));
});
