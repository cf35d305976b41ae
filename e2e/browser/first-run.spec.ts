import { test as base, expect } from '@playwright/test';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from '../itop-sim/spawn';
import { callCard } from './fixtures';
import { connectCtiBridge } from './cti-bridge-client';
import { startCompanionProcess, type CompanionProcess } from './companion-process';

// Issue 15: a first start with no iTop configured (web mode with --no-demo, as the desktop app starts) opens
// the setup in the settings screen; it reaches "Connected as", applies at once and ends with the bridge token.
const test = base.extend<{ sim: RunningSimulator; fresh: CompanionProcess & { configFile: string } }>({
  sim: async ({ browserName: _browser }, use) => {
    const sim = await startSimulator();
    await use(sim);
    await sim.stop();
  },
  fresh: async ({ browserName: _browser }, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'cti-first-run-'));
    const config = join(dir, 'config.json');
    await writeFile(config, JSON.stringify({ ui: { language: 'en' }, cti: { port: 0 } }));
    const companion = await startCompanionProcess({ config, dataDir: join(dir, 'data'), extraArgs: ['--no-demo'], timeoutMs: 60_000 });
    await use(Object.assign(companion, { configFile: config }));
    await companion.stop();
    await rm(dir, { recursive: true, force: true });
  },
});

test('first run: iTop URL → test → password → "Connected as" → optional import → bridge token and 3CX URL; calls work at once', async ({ page, fresh, sim }) => {
  await page.goto(fresh.url);
  const setup = page.getByRole('region', { name: 'Set up the companion' });
  await expect(setup).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true');

  await setup.getByRole('textbox', { name: 'iTop URL' }).fill(sim.baseUrl);
  await setup.getByRole('button', { name: 'Next' }).click();

  await setup.getByRole('textbox', { name: 'Login' }).fill('cti');
  await setup.getByRole('textbox', { name: 'Password' }).fill('cti-password');
  await setup.getByRole('button', { name: 'Test connection' }).click();
  await expect(setup.getByRole('status')).toContainText('Connected as');
  await setup.getByRole('button', { name: 'Save and continue' }).click();

  await expect(setup.getByText('If your iTop uses Combodo')).toBeVisible();
  await setup.getByRole('button', { name: 'Next' }).click();
  const token = setup.getByRole('textbox', { name: 'Bridge token' });
  await expect(token).toHaveValue(/\S{16,}/);
  await expect(setup.getByRole('textbox', { name: /3CX/ })).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/call\?phone=%CallerNumber%/);
  const port = Number(/127\.0\.0\.1:(\d+)\//.exec(await setup.getByRole('textbox', { name: /3CX/ }).inputValue())?.[1]);
  const bridgeToken = await token.inputValue();
  await setup.getByRole('button', { name: 'Done' }).click();

  // No restart: the next call is looked up in the iTop just configured.
  const cti = await connectCtiBridge(port, bridgeToken);
  await page.getByRole('tab', { name: 'Calls' }).click();
  cti.ring('e2e-first-run', '+33612345678');
  await expect(callCard(page, /06 12 34 56 78/).getByRole('region', { name: 'Camille Martin' })).toBeVisible();
  cti.close();
});

test('first run: "Try the demo" runs the built-in simulator for this session only; a setting saved meanwhile keeps the demo and never saves its login', async ({ page, fresh }) => {
  await page.goto(fresh.url);
  const setup = page.getByRole('region', { name: 'Set up the companion' });
  await setup.getByRole('button', { name: 'Try the demo' }).click();
  await expect(page.getByRole('tab', { name: 'Calls' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('Demo data (built-in iTop simulator)')).toBeVisible({ timeout: 30_000 });

  const known = page.getByRole('form', { name: 'Simulate a call' }).getByRole('button', { name: /^Known caller: / });
  await expect(known).toBeVisible({ timeout: 30_000 });
  const who = (await known.evaluate((b) => b.firstChild?.textContent ?? '')).replace(/^Known caller: /, '').trim();
  await known.click();
  await expect(page.getByRole('region', { name: who }).first()).toBeVisible();

  // A setting saved during the demo: written to the file without the simulator's URL or login, demo still on.
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(page.getByRole('tab', { name: 'Réglages' })).toBeVisible();
  const saved = JSON.parse(await readFile(fresh.configFile, 'utf8')) as { ui?: { language?: string }; itop?: { url?: string; password?: string } };
  expect(saved.ui?.language).toBe('fr');
  expect(saved.itop?.url ?? '').toBe('');
  expect(saved.itop?.password ?? '').toBe('');
  await expect(page.getByText('Données de démonstration (simulateur iTop intégré)')).toBeVisible();
});
