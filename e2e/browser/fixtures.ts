import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator, type StartOptions } from '../itop-sim/spawn';
import { startCompanionProcess, type CompanionProcess } from './companion-process';
import { connectCtiBridge, type CtiBridgeClient } from './cti-bridge-client';
import { freePort } from '../testing/free-port';

/** The simulator's demo agent (e2e/itop-sim/credentials.ts). */
const AGENT = { user: 'cti', password: 'cti-password' };

type RunningCompanion = CompanionProcess & { ctiPort: number; ctiToken: string };

interface Env {
  /** The iTop the companion is configured with; url undefined = the simulator. Override with test.use(). */
  itop: { url?: string; user: string; password: string };
  /** Extra companion configuration merged into the generated config (e.g. `dial`). Override with test.use(). */
  companionConfig: Record<string, unknown>;
  companion: RunningCompanion;
  cti: CtiBridgeClient;
  panel: Page;
  /** Saves a full-page screenshot as e2e/artifacts/<name>.png and attaches it to the report. */
  snap: (name: string) => Promise<void>;
}

export const test = base.extend<Env, { sim: RunningSimulator; simOptions: StartOptions }>({
  // Simulator options (e.g. { noPhoneCall: true }); a spec that changes them gets its own worker and simulator.
  simOptions: [{}, { option: true, scope: 'worker' }],
  // One simulator per worker (it is stateless between tests except faults, which tests reset).
  sim: [
    async ({ simOptions }, use) => {
      const sim = await startSimulator(simOptions);
      await use(sim);
      await sim.stop();
    },
    { scope: 'worker' },
  ],
  // A fresh companion per test: its own config, data folder and CTI port, as `npm start` runs it.
  itop: [AGENT, { option: true }],
  // Click-to-call through the CTI bridge: the test bridge answers the dial commands.
  companionConfig: [{ dial: { method: 'bridge', format: 'national' } }, { option: true }],
  companion: async ({ sim, itop, companionConfig }, use) => {
    await sim.control.reset();
    const dir = await mkdtemp(join(tmpdir(), 'cti-e2e-'));
    const ctiPort = await freePort();
    const token = randomBytes(24).toString('hex');
    const config = join(dir, 'config.json');
    await writeFile(config, JSON.stringify({ itop: { ...itop, url: itop.url ?? sim.baseUrl }, cti: { port: ctiPort, token }, ui: { language: 'en' }, ...companionConfig }, null, 2));
    const companion = await startCompanionProcess({ config, dataDir: join(dir, 'data') });
    await use(Object.assign(companion, { ctiPort, ctiToken: token }));
    await companion.stop();
    await rm(dir, { recursive: true, force: true });
  },
  cti: async ({ companion }, use) => {
    const client = await connectCtiBridge(companion.ctiPort, companion.ctiToken);
    await use(client);
    client.close();
  },
  panel: async ({ page, companion }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
    });
    await page.goto(companion.url);
    await expect(page).toHaveURL(`${companion.origin}/`); // the token left the address bar
    await expect(page.getByRole('tab', { name: 'Calls' })).toBeVisible();
    await use(page);
    expect(problems, 'the page ran without script errors or CSP violations').toEqual([]);
  },
  snap: async ({ page }, use, testInfo: TestInfo) => {
    await use(async (name) => {
      const path = join(testInfo.project.testDir, '..', 'artifacts', `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(name, { path, contentType: 'image/png' });
    });
  },
});

export { expect };

/** The simulator's REST API as a test reads it back (plain fetch, the demo agent's login). */
export async function itopGet(sim: RunningSimulator, cls: string, key: string | number, fields: string[]): Promise<Record<string, unknown>[]> {
  const json = JSON.stringify({ operation: 'core/get', class: cls, key, output_fields: fields.join(',') });
  const body = new URLSearchParams({ version: '1.3', auth_user: AGENT.user, auth_pwd: AGENT.password, json_data: json });
  const res = await fetch(`${sim.baseUrl}/webservices/rest.php`, { method: 'POST', body });
  const reply = (await res.json()) as { code: number; message: string; objects: Record<string, { fields: Record<string, unknown> }> | null };
  if (reply.code !== 0) throw new Error(`iTop core/get ${cls} failed: ${reply.message}`);
  return Object.values(reply.objects ?? {}).map((o) => o.fields);
}

/** The messages of a case log as iTop returns it. */
export const logMessages = (log: unknown): string[] => ((log as { entries?: { message: string }[] }).entries ?? []).map((e) => e.message);

/** The card of one call, found by its accessible name (direction + number as the agent reads it). */
export const callCard = (page: Page, number: string | RegExp) => page.getByRole('article', { name: number });
