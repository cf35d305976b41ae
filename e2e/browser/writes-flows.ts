import type { Page } from '@playwright/test';
import type { RunningSimulator } from '../itop-sim/spawn';
import { callCard, expect, itopGet, logMessages } from './fixtures';
import type { CtiBridgeClient } from './cti-bridge-client';

/**
 * The issue-5 flows as an agent performs them, shared by the spec with the PhoneCall class and the one
 * against a stock iTop (--no-phonecall). Each returns what the simulator holds afterwards.
 */

/** A call from Camille's desk number → Camille chosen → quick-create a User Request. */
/** Rings Camille Martin's number, chooses her as the caller and opens the User Request quick-create form. */
export async function openQuickCreate(panel: Page, cti: CtiBridgeClient, callPrefix: string) {
  cti.ring(`${callPrefix}-${Date.now()}`, '+33123456789');
  const card = callCard(panel, /01 23 45 67 89/);
  await card.getByRole('radiogroup', { name: 'Who is calling?' }).getByRole('radio', { name: /^Camille Martin/ }).check();
  await card.getByRole('button', { name: 'Create User Request' }).click();
  return { card, form: card.getByRole('form', { name: 'Create User Request' }) };
}

export async function quickCreateFromCall(panel: Page, cti: CtiBridgeClient, sim: RunningSimulator, title: string, snap: (n: string) => Promise<void>, shot: string) {
  const { card, form } = await openQuickCreate(panel, cti, 'e2e-create');
  await expect(form.getByLabel('Origin')).toHaveValue('phone');
  // Names on screen, ids behind them (issue 16).
  await expect(form.getByLabel('Caller')).toHaveValue('Camille Martin');
  await expect(form.getByLabel('Organization')).toHaveValue('Acme France SAS');
  await expect(form.getByLabel('Public log')).toHaveValue(/^Call from customer dated \d{4}-/);
  await expect(form.getByRole('link', { name: 'Open in iTop' })).toHaveAttribute('href', /operation=new&class=UserRequest&default%5Borg_id%5D=4/);
  await form.getByLabel('Title', { exact: true }).fill(title);
  await form.getByLabel('Description').fill('Created from the call panel');
  await snap(`${shot}-form`);
  await form.getByRole('button', { name: 'Create', exact: true }).click();
  // Created: the new ticket opens.
  const dialog = panel.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: new RegExp(`R-\\d{6} · ${title}`) })).toBeVisible();
  await snap(`${shot}-created`);
  await panel.keyboard.press('Escape');
  const [ticket] = await itopGet(sim, 'UserRequest', `SELECT UserRequest WHERE title = '${title}'`, ['id', 'origin', 'caller_id', 'org_id', 'description', 'public_log', 'private_log']);
  if (!ticket) throw new Error(`no UserRequest titled ${title} in the simulator`);
  return { card, ticket, id: String(ticket['id']) };
}

/** "Log this call" on R-000002 from a call by Camille's mobile, with a wrap-up note. */
export async function logCallOnTicket(panel: Page, cti: CtiBridgeClient, note: string, alsoLog: string | null, expected: RegExp, snap: (n: string) => Promise<void>, shot: string) {
  cti.ring(`e2e-log-${Date.now()}`, '+33612345678');
  const card = callCard(panel, /06 12 34 56 78/);
  await card.getByRole('button', { name: 'Log this call on R-000002' }).first().click();
  const form = card.getByRole('form', { name: 'Log this call on R-000002' });
  await form.getByLabel('Wrap-up note').fill(note);
  if (alsoLog) await form.getByLabel('Also write the note in').selectOption({ label: alsoLog });
  await snap(`${shot}-form`);
  await form.getByRole('button', { name: 'Log the call' }).click();
  await expect(card.getByText(expected)).toBeVisible();
  await snap(`${shot}-done`);
}

export const phoneCallsOn = (sim: RunningSimulator, ticketId: string) =>
  itopGet(sim, 'PhoneCall', `SELECT PhoneCall WHERE ticket_id = ${ticketId}`, ['contact_id', 'agent_id', 'flow', 'note', 'ticket_id']);

export { logMessages };
