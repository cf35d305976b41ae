import type { RunningSimulator } from '../itop-sim/spawn';
import type { CtiBridgeClient } from './cti-bridge-client';
import { expect, itopGet, test } from './fixtures';

// Issue 17: the choices a pending dial offers — whom to call when several persons share the number, and a
// ticket created for a dial that came without one. A real test bridge dials; the simulator holds the PhoneCall.

const outboundOn = (sim: RunningSimulator, ticketId: string) =>
  itopGet(sim, 'PhoneCall', `SELECT PhoneCall WHERE ticket_id = ${ticketId} AND flow = 'outbound'`, ['contact_id', 'ticket_id', 'flow', 'note']);

/** Acknowledges the dial command, then reports answered → hangup under the command's request id. */
async function answerAndHangUp(cti: CtiBridgeClient, expected: Record<string, unknown>) {
  const command = await cti.received((f) => f['command'] === 'dial');
  expect(command).toMatchObject({ command: 'dial', ...expected });
  cti.send({ result: 'ok', requestId: command['requestId'] });
  const t0 = Date.now();
  const at = (ms: number) => new Date(t0 + ms).toISOString();
  const to = String(command['dialString']);
  cti.send({ event: 'answered', callId: command['requestId'], direction: 'outbound', to, at: at(2000) });
  cti.send({ event: 'hangup', callId: command['requestId'], direction: 'outbound', to, at: at(14_000), cause: 'normal' });
}

test('a dial link whose number two persons share: the agent chooses the callee, and the PhoneCall names that person', async ({ panel, companion, cti, sim, snap }) => {
  const before = (await outboundOn(sim, '2')).length;
  // Nathalie Girard (52) and Pierre Lambert (53) share +33 1 23 45 67 00; R-000002 is Camille Martin's ticket.
  const link = 'itop-cti://dial?number=+33 1 23 45 67 00&ticket=R-000002';
  await panel.goto(`${companion.origin}/?link=${encodeURIComponent(link)}`);
  const pending = panel.getByRole('region', { name: 'Call 01 23 45 67 00?' });
  const chooser = pending.getByRole('radiogroup', { name: 'Who are you calling?' });
  await expect(chooser.getByRole('radio')).toHaveCount(4); // All, the two persons, Unknown contact
  await chooser.getByRole('radio', { name: /^Pierre Lambert/ }).check();
  await expect(chooser.getByRole('radio', { name: /^Pierre Lambert/ })).toBeChecked();
  await snap('60-dial-choose-callee');
  await pending.getByRole('button', { name: 'Call 01 23 45 67 00' }).click();
  await answerAndHangUp(cti, { number: '+33123456700', ticket: '2' });
  await expect(pending).toBeHidden();
  await expect.poll(async () => (await outboundOn(sim, '2')).length).toBe(before + 1);
  expect(await outboundOn(sim, '2')).toContainEqual(expect.objectContaining({ contact_id: '53', ticket_id: '2', flow: 'outbound', note: expect.stringContaining('Pierre Lambert') }));
});

test('a dial link without a ticket: the agent creates the ticket there, the call is placed and logged on it', async ({ panel, companion, cti, sim, snap }) => {
  const title = `Call back ${Date.now()}`;
  await panel.goto(`${companion.origin}/?link=${encodeURIComponent('itop-cti://dial?number=+33 6 12 34 56 78')}`);
  const pending = panel.getByRole('region', { name: 'Call 06 12 34 56 78?' });
  await expect(pending.getByText('Calling Camille Martin')).toBeVisible();
  await expect(pending.getByRole('button', { name: 'Call 06 12 34 56 78' })).toBeDisabled();
  await pending.getByRole('group', { name: 'Create a ticket for this call' }).getByRole('button', { name: 'Create User Request' }).click();
  const form = pending.getByRole('form', { name: 'Create User Request' });
  // The call panel's presets, resolved for the callee.
  await expect(form.getByRole('combobox', { name: 'Caller' })).toHaveValue('Camille Martin');
  await form.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  await form.getByRole('textbox', { name: 'Description' }).fill('Created before calling back');
  await snap('61-dial-create-ticket');
  await form.getByRole('button', { name: 'Create', exact: true }).click();
  const dialog = panel.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: new RegExp(`R-\\d{6} · ${title}`) })).toBeVisible();
  await panel.keyboard.press('Escape');
  const [ticket] = await itopGet(sim, 'UserRequest', `SELECT UserRequest WHERE title = '${title}'`, ['id', 'ref', 'caller_id']);
  if (!ticket) throw new Error(`no UserRequest titled ${title} in the simulator`);
  const id = String(ticket['id']);
  await expect(pending.getByText(`Logged on ${String(ticket['ref'])}`)).toBeVisible();
  expect(await outboundOn(sim, id)).toEqual([]); // nothing logged before the call is placed
  await pending.getByRole('button', { name: 'Call 06 12 34 56 78' }).click();
  await answerAndHangUp(cti, { number: '+33612345678', ticket: id });
  await expect(pending).toBeHidden();
  await expect.poll(async () => (await outboundOn(sim, id)).length).toBe(1);
  expect(await outboundOn(sim, id)).toEqual([expect.objectContaining({ contact_id: '42', ticket_id: id, flow: 'outbound' })]);
});
