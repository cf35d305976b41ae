import { callCard, expect, test } from './fixtures';

test('iTop down: the failure shows on the call, then everything recovers', async ({ panel, cti, sim, snap }) => {
  // Wait until the companion has checked iTop (and started its phone index) before pulling the plug.
  await expect(panel.getByRole('region', { name: 'Connection status' }).getByText(/^iTop: /)).toBeVisible();
  await sim.control.setFault('down');
  cti.ring('e2e-down', '+33612345678');
  const card = callCard(panel, /06 12 34 56 78/);
  await expect(card).toBeVisible();
  await expect(card.getByRole('alert').first()).toBeVisible();
  await snap('09-itop-down');

  await sim.control.setFault('none');
  cti.ring('e2e-back', '+33123456700');
  const back = callCard(panel, /01 23 45 67 00/);
  await expect(back.getByRole('region', { name: 'Nathalie Girard' })).toBeVisible();
  await expect(back.getByRole('region', { name: /this caller/i })).toBeVisible();
  await expect(back.getByRole('alert')).toHaveCount(0);
  await snap('10-itop-recovered');
});

test('the web page says when it loses the companion', async ({ panel, companion, snap }) => {
  await companion.stop();
  await expect(panel.getByRole('alert').filter({ hasText: 'Connection to the companion lost' })).toBeVisible();
  await snap('11-companion-disconnected');
});

test('a newcomer can simulate a call; no CTI bridge is reported honestly', async ({ panel, snap }) => {
  await expect(panel.getByText(/No CTI bridge connected/)).toBeVisible();
  await snap('00-empty-demo');
  // With no call yet, the simulator form is already unfolded for the newcomer.
  await panel.getByRole('textbox', { name: 'Number to simulate' }).fill('+33 6 12 34 56 78');
  await panel.getByRole('button', { name: 'Ring' }).click();
  await expect(callCard(panel, /06 12 34 56 78/).getByRole('region', { name: 'Camille Martin' })).toBeVisible();
});

test.describe('with a wrong iTop password', () => {
  test.use({ itop: { user: 'cti', password: 'not-the-password' } });
  test('the refused login is an alert that leads to the settings', async ({ panel, snap }) => {
    const alert = panel.getByRole('alert').filter({ hasText: 'iTop refused the login' });
    await expect(alert).toBeVisible();
    await snap('13-login-refused');
    await alert.getByRole('button', { name: 'Open settings' }).click();
    await expect(panel.getByRole('tab', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true');
  });
});

test.describe('with an iTop that does not answer', () => {
  // A loopback port nobody listens on (the discard port): connection refused at once.
  test.use({ itop: { url: 'http://127.0.0.1:9', user: 'cti', password: 'cti-password' } });
  test('the panel says iTop is unreachable, and calls still show their number', async ({ panel, cti, snap }) => {
    await expect(panel.getByRole('alert').filter({ hasText: 'iTop is unreachable' })).toBeVisible();
    cti.ring('e2e-unreachable', '+33612345678');
    await expect(panel.getByRole('article', { name: /06 12 34 56 78/ })).toBeVisible();
    await snap('14-itop-unreachable');
  });
});
