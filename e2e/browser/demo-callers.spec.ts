import { test as base, expect } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCompanionProcess, type CompanionProcess } from './companion-process';

// Issue 15: `npm start` with no iTop configured runs the demo; the Simulate panel offers one caller of each
// kind, numbers the core took from the simulator's demo data. One click rings each.
const test = base.extend<{ demo: CompanionProcess }>({
  demo: async ({ browserName: _browser }, use, testInfo) => {
    const dir = await mkdtemp(join(tmpdir(), 'cti-demo-'));
    const config = join(dir, 'config.json');
    await writeFile(config, JSON.stringify({ cti: { port: 0 }, ui: { language: 'en' } }));
    const companion = await startCompanionProcess({ config, dataDir: join(dir, 'data'), timeoutMs: 60_000 });
    await use(companion);
    if (testInfo.status !== testInfo.expectedStatus) console.log(`companion stderr:\n${companion.stderr()}`);
    await companion.stop();
    await rm(dir, { recursive: true, force: true });
  },
});

test('demo callers ring from the Simulate panel with one click: known, several matches, switchboard, unknown, withheld', async ({ page, demo }) => {
  await page.goto(demo.url);
  const form = page.getByRole('form', { name: 'Simulate a call' });
  // Once a call is on screen the Simulate panel folds: unfold it before each ring.
  const ring = async (name: string | RegExp) => {
    if (!(await form.isVisible())) await page.getByText('Simulate a call', { exact: true }).click();
    await form.getByRole('button', { name }).click();
  };
  const known = form.getByRole('button', { name: /^Known caller: / });
  await expect(known).toBeVisible();
  // The button reads "Known caller: <name>" then the number in a span of its own.
  const who = (await known.evaluate((b) => b.firstChild?.textContent ?? '')).replace(/^Known caller: /, '').trim();
  expect(who).not.toBe('');
  // The switchboard needs the phone index: wait for it before ringing the numbers it decides on.
  await page.waitForSelector('[data-index-built-at]:not([data-index-built-at=""])');

  await ring(/^Known caller: /);
  await expect(page.getByRole('region', { name: who }).first()).toBeVisible();

  await ring(/^Several matches/);
  await expect(page.getByRole('radiogroup', { name: 'Who is calling?' }).first().getByRole('radio', { name: /^All \(\d\)/ })).toBeVisible();

  await ring(/^Switchboard \(\d+ contacts\)/);
  await expect(page.getByText(/contacts share this number: choose who is calling/)).toBeVisible();

  await ring(/^Unknown number/);
  await expect(page.getByText('No match in iTop for this number.')).toBeVisible();

  await ring('Withheld number');
  await expect(page.getByText('The caller hid their number: no lookup is possible.')).toBeVisible();
});
