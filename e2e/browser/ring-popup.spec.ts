import { callCard, expect, test } from './fixtures';

// The ring pop-up route the desktop shell loads in its frameless windows (index.html#ring-popup?call=<id>),
// here in a second tab of the same signed-in session.
test('the ring pop-up shows who calls and their open tickets; "Show" brings the panel to the call', async ({ panel, cti, companion }) => {
  cti.ring('e2e-popup', '+33612345678');
  const card = callCard(panel, /06 12 34 56 78/);
  await expect(card.getByRole('region', { name: 'Camille Martin' })).toBeVisible();
  await panel.getByRole('tab', { name: 'History' }).click(); // the agent is elsewhere in the app

  const popup = await panel.context().newPage();
  await popup.setViewportSize({ width: 380, height: 220 });
  await popup.goto(`${companion.origin}/#ring-popup?call=${encodeURIComponent('e2e-popup')}`);
  const main = popup.getByRole('main', { name: 'Call from 06 12 34 56 78' });
  await expect(main.getByText('Camille Martin')).toBeVisible();
  await expect(main.getByText('Confirmed')).toBeVisible();
  await expect(main.getByText('User Requests opened for this caller')).toBeVisible();
  await expect(main.getByRole('tab')).toHaveCount(0); // the compact route, not the whole panel
  await popup.screenshot({ path: 'e2e/artifacts/16-ring-popup.png' });

  await main.getByRole('button', { name: 'Show in the panel' }).click();
  await expect(panel.getByRole('tab', { name: 'Calls' })).toHaveAttribute('aria-selected', 'true');
  await expect(card).toBeFocused();

  cti.hangup('e2e-popup', '+33612345678');
  await expect(main.getByText(/Missed|Ended/)).toBeVisible();
  await popup.close();
  // A pop-up whose call the core no longer has (dismissed, or a stale window) says so instead of a blank.
  const stale = await panel.context().newPage();
  await stale.goto(`${companion.origin}/#ring-popup?call=unknown-call`);
  await expect(stale.getByText('This call is no longer in the panel.')).toBeVisible();
  await stale.close();
});
