import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from '../itop-sim/spawn';
import { startCompanionProcess, type CompanionProcess } from './companion-process';
import { connectCtiBridge, type CtiBridgeClient } from './cti-bridge-client';

/** The simulator's demo agent (e2e/itop-sim/credentials.ts). */
const AGENT = { user: 'cti', password: 'cti-password' };

type RunningCompanion = CompanionProcess & { ctiPort: number; ctiToken: string };

interface Env {
  /** The iTop the companion is configured with; url undefined = the simulator. Override with test.use(). */
  itop: { url?: string; user: string; password: string };
  companion: RunningCompanion;
  cti: CtiBridgeClient;
  panel: Page;
  /** Saves a full-page screenshot as e2e/artifacts/<name>.png and attaches it to the report. */
  snap: (name: string) => Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export const test = base.extend<Env, { sim: RunningSimulator }>({
  // One simulator per worker (it is stateless between tests except faults, which tests reset).
  sim: [
    // Playwright reads fixture dependencies from the destructuring pattern: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const sim = await startSimulator();
      await use(sim);
      await sim.stop();
    },
    { scope: 'worker' },
  ],
  // A fresh companion per test: its own config, data folder and CTI port, as `npm start` runs it.
  itop: [AGENT, { option: true }],
  companion: async ({ sim, itop }, use) => {
    await sim.control.reset();
    const dir = await mkdtemp(join(tmpdir(), 'cti-e2e-'));
    const ctiPort = await freePort();
    const token = randomBytes(24).toString('hex');
    const config = join(dir, 'config.json');
    await writeFile(config, JSON.stringify({ itop: { ...itop, url: itop.url ?? sim.baseUrl }, cti: { port: ctiPort, token }, ui: { language: 'en' } }, null, 2));
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

/** The card of one call, found by its accessible name (direction + number as the agent reads it). */
export const callCard = (page: Page, number: string | RegExp) => page.getByRole('article', { name: number });
