import { expect, test } from './fixtures';
import { rest } from '../itop-sim/test-client';

// Generated organizations: 15 % of each one's persons share its desk number (a switchboard).
test.use({ simOptions: { persons: 5000, seed: 7 } });

test('a switchboard number: nobody selected, how many share it, the likeliest 50 to choose from', async ({ panel, cti, sim, snap }) => {
  const reply = await rest(sim.url, { operation: 'core/get', class: 'Person', key: 'SELECT Person', output_fields: 'phone' });
  const byPhone = new Map<string, number>();
  for (const o of Object.values(reply.json?.objects ?? {})) {
    const phone = String(o.fields['phone'] ?? '');
    if (phone !== '') byPhone.set(phone, (byPhone.get(phone) ?? 0) + 1);
  }
  const [phone, sharing] = [...byPhone].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  expect(sharing).toBeGreaterThan(50);
  await panel.waitForSelector('[data-index-built-at]:not([data-index-built-at=""])');

  cti.ring('e2e-switchboard', phone);
  const card = panel.locator('article[data-call-id="e2e-switchboard"]'); // by id: its title is just the shared number
  await expect(card.getByText(/contacts share this number: choose who is calling \(the 50 likeliest are listed\)/)).toBeVisible();
  await expect(card.getByText(new RegExp(`^${sharing.toLocaleString('en')} contacts share`))).toBeVisible();
  const chooser = card.getByRole('combobox', { name: 'Who is calling?' });
  await expect(chooser.locator('option')).toHaveCount(52); // All + 50 + Unknown
  await expect(chooser).toHaveValue('unknown');
  await expect(card.getByText('Unknown caller: no ticket list.')).toBeVisible();
  await snap('15-shared-number');

  // Choosing one of them loads that person's lists.
  const pick = await chooser.locator('option').nth(1).getAttribute('value');
  await chooser.selectOption(pick ?? '');
  await expect(card.getByRole('region', { name: /.+/ }).first()).toBeVisible();
  await expect(card).toHaveAttribute('data-lists-state', 'done');
  await expect(card.getByRole('heading', { name: /User Requests opened for this caller/ })).toBeVisible();
});
