import { callCard, expect, test } from './fixtures';

// Issue 15: settings apply on the next call without a restart. Same companion process throughout.

const CLOSED_LIST = {
  display_tickets: {
    lists: [
      {
        enabled: true,
        label: 'Closed requests of the caller',
        'label/FR FR': "Demandes fermées de l'appelant",
        query: "SELECT UserRequest AS u WHERE u.caller_id IN (:callers_list) AND u.status = 'closed'",
      },
    ],
  },
};

test('a list\'s OQL, then the language, apply to the next call without a restart; an invalid value is refused', async ({ panel, cti }) => {
  cti.ring('e2e-live-1', '+33612345678');
  const first = callCard(panel, /06 12 34 56 78/);
  await expect(first.getByRole('region', { name: /User Requests opened for this caller/ })).toBeVisible();

  await panel.getByRole('tab', { name: 'Settings' }).click();
  const telephony = panel.getByRole('region', { name: 'Telephony configuration' });
  await telephony.getByRole('combobox', { name: 'Format' }).selectOption('json');
  await telephony.getByRole('textbox', { name: /configuration/i }).fill(JSON.stringify(CLOSED_LIST));
  await telephony.getByRole('button', { name: 'Validate' }).click();
  await telephony.getByRole('button', { name: 'Apply this configuration' }).click();
  await expect(panel.getByText('Saved.')).toBeVisible();

  // An invalid value is refused with its reason, and nothing changes.
  const phone = panel.getByRole('form', { name: 'Phone numbers' });
  await phone.getByRole('textbox', { name: /Internal extension pattern/ }).fill('^(\\d{2,5}$');
  await phone.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByText(/Not saved: .*phone\.extensionPattern/)).toBeVisible();

  await panel.getByRole('tab', { name: 'Calls' }).click();
  cti.ring('e2e-live-2', '+33123456789');
  const second = callCard(panel, /01 23 45 67 89/);
  await expect(second.getByRole('region', { name: /Closed requests of the caller/ })).toBeVisible();
  await expect(second.getByRole('region', { name: /User Requests opened for this caller/ })).toHaveCount(0);
  // The call already on screen keeps what it showed.
  await expect(first.getByRole('region', { name: /User Requests opened for this caller/ })).toBeVisible();

  await panel.getByRole('tab', { name: 'Settings' }).click();
  await panel.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await panel.getByRole('tab', { name: 'Appels' }).click();
  cti.ring('e2e-live-3', '+33123456700');
  await expect(callCard(panel, /01 23 45 67 00/).getByRole('region', { name: /Demandes fermées de l'appelant/ })).toBeVisible();
});

test('the dial method changes the next click-to-call: "os" leaves the connected bridge alone', async ({ panel, cti }) => {
  await panel.getByRole('tab', { name: 'Settings' }).click();
  await panel.getByRole('combobox', { name: 'Dial through' }).selectOption('os');
  await expect(panel.getByText('Saved.')).toBeVisible();
  await panel.getByRole('tab', { name: 'Calls' }).click();
  cti.ring('e2e-live-dial', '+33612345678');
  await callCard(panel, /06 12 34 56 78/).getByRole('button', { name: /Open ticket R-000002/ }).first().click();
  const phone = panel.getByRole('dialog').getByRole('button', { name: 'Call Camille Martin (Phone) 01 23 45 67 89' });
  await expect(phone).toContainText('via softphone link');
  await phone.click();
  await expect(cti.received((f) => f['command'] === 'dial', 1500)).rejects.toThrow(/no matching frame/);
});

test.describe('started against a wrong iTop URL', () => {
  test.use({ itop: { url: 'http://127.0.0.1:9/', user: 'cti', password: 'cti-password' } });
  test('saving the right URL logs in and finds callers on the next call, without a restart', async ({ panel, sim, cti }) => {
    await expect(panel.getByText(/iTop (cannot be reached|is unreachable)|unreachable/i).first()).toBeVisible();
    await panel.getByRole('tab', { name: 'Settings' }).click();
    const itop = panel.getByRole('form', { name: 'iTop connection' });
    await itop.getByRole('textbox', { name: 'iTop URL' }).fill(sim.baseUrl);
    await itop.getByRole('textbox', { name: 'Password' }).fill('cti-password');
    await itop.getByRole('button', { name: 'Save' }).click();
    await expect(panel.getByText('Saved.')).toBeVisible();
    await panel.getByRole('tab', { name: 'Calls' }).click();
    cti.ring('e2e-live-url', '+33612345678');
    await expect(callCard(panel, /06 12 34 56 78/).getByRole('region', { name: 'Camille Martin' })).toBeVisible();
  });
});
