import type { Page } from '@playwright/test';
import type { RunningSimulator } from '../itop-sim/spawn';
import { callCard, expect, itopGet, test } from './fixtures';
import { phoneCallsOn } from './writes-flows';

// Issue 12 on the demo dataset's traps (e2e/itop-sim/seed/demo-traps.ts): who the panel shows, selects,
// lists tickets for, and logs as the PhoneCall's contact.

const chooserOf = (card: ReturnType<typeof callCard>) => card.getByRole('radiogroup', { name: 'Who is calling?' });

/** Quick-creates a User Request from the call card without touching the chooser; returns its id and caller. */
async function createFromCall(panel: Page, card: ReturnType<typeof callCard>, sim: RunningSimulator, title: string) {
  await card.getByRole('button', { name: 'Create User Request' }).click();
  const form = card.getByRole('form', { name: 'Create User Request' });
  await form.getByLabel('Title', { exact: true }).fill(title);
  await form.getByLabel('Description').fill('Created from the call panel (issue 12)');
  await form.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(panel.getByRole('dialog').getByRole('heading', { name: new RegExp(`R-\\d{6} · ${title}`) })).toBeVisible();
  await panel.keyboard.press('Escape');
  const [ticket] = await itopGet(sim, 'UserRequest', `SELECT UserRequest WHERE title = '${title}'`, ['id', 'caller_id']);
  if (!ticket) throw new Error(`no UserRequest titled ${title}`);
  return { id: String(ticket['id']), callerId: String(ticket['caller_id']) };
}

test('another country\'s number with the same last 8 digits is not shown: the exact caller is selected and logged as the contact', async ({ panel, cti, sim, snap }) => {
  // Camille Martin's +33 1 23 45 67 89 and Anna Müller's +49 151 23456789 are both certain: they never match.
  cti.ring('e2e-trust-cross', '0123456789');
  const card = callCard(panel, /01 23 45 67 89/);
  const chooser = chooserOf(card);
  await expect(chooser.getByRole('radio', { name: /^Camille Martin/ })).toBeChecked();
  await expect(chooser.getByRole('radio')).toHaveCount(2); // Camille, Unknown
  await expect(card.getByText('Anna Müller')).toHaveCount(0);
  await expect(card.getByText('Sacha Roux')).toHaveCount(0); // 06 23 45 67 89: same country, first digit differs
  await expect(card.getByRole('button', { name: /Open ticket R-000002/ }).first()).toBeVisible();
  await snap('30-trust-cross-country');

  // The agent never touches the chooser: the ticket's caller and the PhoneCall's contact are Camille.
  const created = await createFromCall(panel, card, sim, `Trust cross-country ${Date.now()}`);
  expect(created.callerId).toBe('42');
  await expect.poll(async () => phoneCallsOn(sim, created.id)).toEqual([expect.objectContaining({ contact_id: '42', flow: 'inbound' })]);
});

test('same country, first digit differs: 06 23 45 67 89 (country from its Location) is only ever itself', async ({ panel, cti }) => {
  cti.ring('e2e-trust-first-digit', '+33623456789');
  const card = callCard(panel, /06 23 45 67 89/);
  const chooser = chooserOf(card);
  await expect(chooser.getByRole('radio', { name: /^Sacha Roux/ })).toBeChecked();
  await expect(chooser.getByRole('radio')).toHaveCount(2);
  await expect(card.getByText('Camille Martin')).toHaveCount(0);
  await expect(card.getByRole('button', { name: /Open ticket R-000038/ }).first()).toBeVisible();
});

test('a number stored only on an inactive Person: offered as "inactive", never selected, logged only once picked', async ({ panel, cti, sim, companion, snap }) => {
  cti.ring('e2e-trust-inactive', '+33123456750');
  const card = callCard(panel, /01 23 45 67 50/);
  const chooser = chooserOf(card);
  await expect(chooser.getByRole('radio', { name: 'Unknown caller' })).toBeChecked();
  await expect(chooser.getByRole('radio', { name: /^Yves Ancien.*inactive/ })).not.toBeChecked();
  await expect(card.getByText(/Nobody has this exact number: 1 possible caller\(s\), none selected/)).toBeVisible();
  await expect(card.getByText('Unknown caller: no ticket list.')).toBeVisible();
  await expect(card.getByRole('button', { name: /Open ticket R-000039/ })).toHaveCount(0);
  await snap('31-trust-inactive-only');

  // The ring pop-up names nobody either.
  const popup = await panel.context().newPage();
  await popup.goto(`${companion.origin}/#ring-popup?call=e2e-trust-inactive`);
  const main = popup.getByRole('main', { name: 'Call from 01 23 45 67 50' });
  await expect(main.getByText(/Nobody has this exact number/)).toBeVisible();
  await expect(main.getByText('Yves Ancien')).toHaveCount(0);
  await popup.close();

  // Picked by the agent: his tickets, and he is the PhoneCall's contact.
  await chooser.getByRole('radio', { name: /^Yves Ancien/ }).check();
  await card.getByRole('button', { name: 'Log this call on R-000039' }).first().click();
  const form = card.getByRole('form', { name: 'Log this call on R-000039' });
  await form.getByLabel('Wrap-up note').fill('Former employee called about his mailbox');
  await form.getByRole('button', { name: 'Log the call' }).click();
  await expect.poll(async () => phoneCallsOn(sim, '39')).toEqual([expect.objectContaining({ contact_id: '76', flow: 'inbound' })]);
});

test('an uncertain stored number stays probable: shown after the confirmed caller, never logged as the contact unless picked', async ({ panel, cti, sim }) => {
  cti.ring('e2e-trust-uncertain', '+49301234567');
  const card = callCard(panel, /\+49 30 1234567/);
  const chooser = chooserOf(card);
  await expect(chooser.getByRole('radio', { name: /^Anna Müller/ })).toBeChecked();
  await expect(chooser.getByRole('radio', { name: /^Jonas Wolf.*probable: check/ })).not.toBeChecked();
  // Jonas works at Globex too: his ticket is in the organization's list, never in the caller's.
  const callerList = card.getByRole('region', { name: /^User Requests opened for this caller/ });
  await expect(callerList.getByRole('button', { name: /Open ticket R-000015/ })).toBeVisible();
  await expect(callerList.getByRole('button', { name: /Open ticket R-000040/ })).toHaveCount(0);
  // Logged without touching the chooser: the confirmed caller is the contact, not the probable one.
  const created = await createFromCall(panel, card, sim, `Trust uncertain ${Date.now()}`);
  expect(created.callerId).toBe('54');
  await expect.poll(async () => phoneCallsOn(sim, created.id)).toEqual([expect.objectContaining({ contact_id: '54', flow: 'inbound' })]);

  // A number only uncertain numbers match: nobody selected, the probable one offered and explained.
  cti.ring('e2e-trust-probable-only', '+49301234568');
  const only = callCard(panel, /\+49 30 1234568/);
  await expect(chooserOf(only).getByRole('radio', { name: 'Unknown caller' })).toBeChecked();
  await expect(chooserOf(only).getByRole('radio', { name: /^Lukas Schmidt.*probable: check/ })).not.toBeChecked();
  await expect(only.getByText(/Nobody has this exact number/)).toBeVisible();
});
