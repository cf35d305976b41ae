import { test as base, expect, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from '../itop-sim/spawn';
import { freePort } from '../testing/free-port';
import { startCompanionProcess } from './companion-process';
import { openQuickCreate, phoneCallsOn } from './writes-flows';
import { connectCtiBridge } from './cti-bridge-client';
import { itopGet, logMessages } from './fixtures';

// Issue 13: a ticket created from a call, the companion killed while iTop is still working on the create
// (iTop creates it, the answer is lost), started again: the outbox finds the ticket by the marker of its
// private-log entry and creates no second one.
const test = base.extend<{ sim: RunningSimulator }>({
  sim: async ({ browserName: _browser }, use) => {
    const sim = await startSimulator();
    await use(sim);
    await sim.stop();
  },
});

const writesDone = (page: Page) => expect(page.getByRole('button', { name: /iTop writes: 0 pending, 0 to fix/ })).toBeVisible({ timeout: 30_000 });

test('a companion killed while iTop creates the ticket: after a restart the ticket is found by its private-log marker, never created twice', async ({ page, browser, sim }) => {
  const dir = await mkdtemp(join(tmpdir(), 'cti-crash-'));
  const config = join(dir, 'config.json');
  const ctiPort = await freePort();
  const token = randomBytes(24).toString('hex');
  await writeFile(config, JSON.stringify({ itop: { url: sim.baseUrl, user: 'cti', password: 'cti-password' }, cti: { port: ctiPort, token }, ui: { language: 'en' } }));
  const start = () => startCompanionProcess({ config, dataDir: join(dir, 'data') });
  const title = `Lost answer ${Date.now()}`;
  const titled = () => itopGet(sim, 'UserRequest', `SELECT UserRequest WHERE title = '${title}'`, ['id', 'description', 'private_log']);
  const creates = async () => (await sim.control.stats()).operations['core/create'] ?? 0;
  try {
    const first = await start();
    await page.goto(first.url);
    const cti = await connectCtiBridge(ctiPort, token);
    const { form } = await openQuickCreate(page, cti, 'e2e-crash');
    await expect(form.getByLabel('Caller')).toHaveValue('Camille Martin');
    await form.getByLabel('Title', { exact: true }).fill(title);
    await form.getByLabel('Description').fill('Typed by the agent');

    // iTop answers in 3 s from now on: the create is in its hands when the companion dies.
    await sim.control.resetStats();
    await sim.control.setLatency(3_000);
    await form.getByRole('button', { name: 'Create', exact: true }).click();
    await expect.poll(async () => (await sim.control.stats()).operations['core/create'] ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    await first.kill();
    cti.close();
    await expect.poll(async () => (await titled()).length, { timeout: 10_000 }).toBe(1);
    await sim.control.setLatency(0);

    await sim.control.resetStats();
    const second = await start();
    const again = await browser.newPage();
    try {
      await again.goto(second.url);
      await writesDone(again);
      const tickets = await titled();
      expect(tickets).toHaveLength(1);
      expect(tickets[0]?.['description']).toBe('<p>Typed by the agent</p>');
      expect(logMessages(tickets[0]?.['private_log'])).toEqual([expect.stringMatching(/^Created from a call from \+33123456789 .*\[cti:[0-9a-f-]+\]$/s)]);
      // The only object the second companion created is the PhoneCall of the call the crash cut, on that ticket.
      const id = String(tickets[0]?.['id']);
      await expect.poll(async () => (await phoneCallsOn(sim, id)).length, { timeout: 30_000 }).toBe(1);
      expect(await creates()).toBe(1);
    } finally {
      await again.close();
      await second.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
