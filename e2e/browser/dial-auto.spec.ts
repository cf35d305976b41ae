import { callCard, expect, test } from './fixtures';

// Issue 15: dial.method is left to its default (auto). With the test bridge connected, a ticket's call button
// says it dials through the bridge and the bridge receives the dial command.
test.use({ companionConfig: {} });

test('default settings: with a test bridge connected the ticket\'s call button says "via CTI bridge" and reaches the bridge', async ({ panel, cti }) => {
  cti.ring('e2e-auto-in', '+33612345678');
  await callCard(panel, /06 12 34 56 78/).getByRole('button', { name: /Open ticket R-000002/ }).first().click();
  const actions = panel.getByRole('dialog').getByRole('list', { name: 'Call Camille Martin' });
  const phone = actions.getByRole('button', { name: 'Call Camille Martin (Phone) 01 23 45 67 89' });
  await expect(phone).toContainText('via CTI bridge');
  await phone.click();
  const command = await cti.received((f) => f['command'] === 'dial');
  expect(command).toMatchObject({ command: 'dial', number: '+33123456789', dialString: '+33123456789', ticket: '2' });
  cti.send({ result: 'ok', requestId: command['requestId'] });
  await panel.keyboard.press('Escape');
  await expect(panel.getByRole('article', { name: /Outgoing call: 01 23 45 67 89/ }).getByText('via the CTI bridge')).toBeVisible();
});
