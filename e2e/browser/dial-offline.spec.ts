import { startSimulator, type RunningSimulator } from '../itop-sim/spawn';
import { expect, itopGet, test as base } from './fixtures';

// Issue 17 §4: dialing never waits on iTop. This companion has a simulator of its own, stopped mid-test
// (connections refused) and brought back at the same URL.
let own: RunningSimulator | undefined;
const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's own fixtures from this pattern
  itop: async ({}, use) => {
    own = await startSimulator();
    await use({ url: own.baseUrl, user: 'cti', password: 'cti-password' });
    await own?.stop();
  },
});

test('iTop down: a dial link naming a ticket dials at once after confirmation; the PhoneCall is on that ticket once iTop is back', async ({ panel, companion, cti, snap }) => {
  if (!own) throw new Error('the spec simulator did not start');
  const port = own.port;
  const onTicket8 = (sim: RunningSimulator) => itopGet(sim, 'PhoneCall', "SELECT PhoneCall WHERE ticket_id = 8 AND flow = 'outbound'", ['ticket_id', 'agent_id', 'flow']);
  const before = await onTicket8(own);
  await own.stop();
  own = undefined;
  await panel.goto(`${companion.origin}/?link=${encodeURIComponent('itop-cti://dial?number=+33 1 23 45 67 89&ticket=R-000008')}`);
  const pending = panel.getByRole('region', { name: 'Call 01 23 45 67 89?' });
  // Unreachable is not "not found": no ticket to choose, the call can go.
  await expect(pending.getByRole('status').filter({ hasText: 'iTop cannot be reached right now' })).toContainText('R-000008');
  await expect(pending.getByText(/was not found/)).toHaveCount(0);
  await snap('36-dial-offline-pending');
  await pending.getByRole('button', { name: 'Call 01 23 45 67 89' }).click();
  const command = await cti.received((f) => f['command'] === 'dial');
  expect(command).toMatchObject({ number: '+33123456789', ticket: 'R-000008' });
  cti.send({ result: 'ok', requestId: command['requestId'] });
  for (const event of ['outgoing', 'answered', 'hangup']) cti.send({ event, callId: 'pbx-offline-1', direction: 'outbound', from: '201', to: '0123456789' });
  const card = panel.getByRole('article', { name: /Outgoing call: 01 23 45 67 89/ });
  await expect(card.getByText('Ended')).toBeVisible();
  await expect(panel.getByRole('button', { name: /iTop writes: 1 pending/ })).toBeVisible();

  own = await startSimulator({ port });
  await panel.getByRole('button', { name: /iTop writes: 1 pending/ }).click();
  await panel.getByRole('region', { name: 'Writes to iTop' }).getByRole('button', { name: 'Retry now' }).click();
  const sim = own;
  await expect.poll(async () => onTicket8(sim)).toEqual([...before, { ticket_id: '8', agent_id: '40', flow: 'outbound' }]);
  await expect(panel.getByRole('button', { name: /iTop writes: 0 pending, 0 to fix/ })).toBeVisible();
});
