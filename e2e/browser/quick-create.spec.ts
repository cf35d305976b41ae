import { expect, itopGet, logMessages, test } from './fixtures';
import { FAX_ORIGIN_CONFIG } from './creation-config';
import { logCallOnTicket, phoneCallsOn, quickCreateFromCall } from './writes-flows';

// Issue 5 with the telephony extension's PhoneCall class: every write verified in the simulator over REST.

test('a call → quick-create → a UserRequest with origin phone, the caller, the organization, the log entry, and a linked PhoneCall', async ({ panel, cti, sim, snap }) => {
  const title = `Shared drive gone ${Date.now()}`;
  const { ticket, id } = await quickCreateFromCall(panel, cti, sim, title, snap, '20-quick-create');
  expect(ticket).toMatchObject({ origin: 'phone', caller_id: '42', org_id: '4' });
  expect(logMessages(ticket['public_log'])).toEqual([expect.stringMatching(/^Call from customer dated /)]);
  // Issue 13: the description is what the agent typed (iTop keeps it as HTML), no marker; the marker is in the
  // agent-only private-log entry about the call.
  expect(ticket['description']).toBe('<p>Created from the call panel</p>');
  expect(logMessages(ticket['private_log'])).toEqual([expect.stringMatching(/^Created from a call from \+33123456789 \(Camille Martin\) at \d\d:\d\d\.\n\n\[cti:[0-9a-f-]+\]$/)]);
  await expect.poll(async () => phoneCallsOn(sim, id)).toEqual([
    expect.objectContaining({ contact_id: '42', flow: 'inbound', ticket_id: id, note: expect.stringMatching(/^Inbound call from \+33123456789 \(Camille Martin\)\./) }),
  ]);
  // The outbox drained: the status bar says so.
  await expect(panel.getByRole('button', { name: /iTop writes: 0 pending, 0 to fix/ })).toBeVisible();
});

test('"Log this call" on an existing ticket → a PhoneCall with the note, also in the public log', async ({ panel, cti, sim, snap }) => {
  const before = (await phoneCallsOn(sim, '2')).length;
  const note = `Drive mapped again ${Date.now()}`;
  await logCallOnTicket(panel, cti, note, 'The public log', /Call logged on R-000002\./, snap, '21-log-call');
  await expect.poll(async () => (await phoneCallsOn(sim, '2')).length).toBe(before + 1);
  expect(await phoneCallsOn(sim, '2')).toContainEqual(expect.objectContaining({ contact_id: '42', flow: 'inbound', note: expect.stringContaining(note) }));
  const [ticket] = await itopGet(sim, 'UserRequest', 2, ['public_log']);
  expect(logMessages(ticket?.['public_log'])[0]).toContain(note);
});

test.describe('with a preset iTop refuses', () => {
  test.use({ companionConfig: FAX_ORIGIN_CONFIG });

  test('the outbox panel lists a refused creation with iTop\'s reasons; it is corrected and retried, or discarded after confirmation', async ({ panel, cti, snap }) => {
    cti.ring('e2e-refused', '+33612345678');
    const card = panel.getByRole('article', { name: /06 12 34 56 78/ });
    await card.getByRole('button', { name: 'Create User Request' }).click();
    const form = card.getByRole('form', { name: 'Create User Request' });
    // The preset origin is one iTop does not have: iTop refuses, the agent reads why.
    await expect(form.getByLabel('Origin')).toHaveValue('fax');
    await form.getByLabel('Title', { exact: true }).fill('Refused on purpose');
    await form.getByLabel('Description').fill('The origin is wrong');
    await form.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(form.getByRole('alert')).toContainText(/Origin/);
    await snap('22-create-refused');
    const chip = panel.getByRole('button', { name: /iTop writes: \d+ pending, 1 to fix/ });
    await chip.click();
    const outbox = panel.getByRole('region', { name: 'Writes to iTop' });
    await expect(outbox.getByText('Refused', { exact: true })).toBeVisible();
    await outbox.getByRole('button', { name: 'Correct' }).click();
    const edit = outbox.getByRole('form', { name: /^Correct / });
    // The correction speaks the agent's language too: names for the caller and organization, origin as a select.
    await expect(edit.getByRole('combobox', { name: 'Caller' })).toHaveValue('Camille Martin');
    await expect(edit.getByRole('combobox', { name: 'Organization' })).not.toHaveValue(/^\d*$/);
    await expect(edit.getByLabel('Origin', { exact: true })).toHaveValue('fax');
    await edit.getByLabel('Origin', { exact: true }).selectOption('phone');
    await snap('23-outbox-edit');
    await edit.getByRole('button', { name: 'Save and retry' }).click();
    await expect(outbox.getByText('Everything is written to iTop.')).toBeVisible();
    await expect(panel.getByRole('button', { name: /iTop writes: 0 pending, 0 to fix/ })).toBeVisible();
  });
});
