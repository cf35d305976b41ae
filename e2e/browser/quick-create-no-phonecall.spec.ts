import { expect, itopGet, logMessages, test } from './fixtures';
import { logCallOnTicket, quickCreateFromCall } from './writes-flows';

// The same flows on a stock iTop without the PhoneCall class: the call goes to the ticket's private log.
test.use({ simOptions: { noPhoneCall: true } });

test('quick-create on a stock iTop: the call is written in the new ticket\'s private log', async ({ panel, cti, sim, snap }) => {
  const title = `No extension here ${Date.now()}`;
  const { id } = await quickCreateFromCall(panel, cti, sim, title, snap, '24-no-phonecall-create');
  await expect
    .poll(async () => logMessages((await itopGet(sim, 'UserRequest', Number(id), ['private_log']))[0]?.['private_log']))
    .toEqual([
      expect.stringMatching(/^Created from a call from \+33123456789 \(Camille Martin\) at \d\d:\d\d\.\n\n\[cti:/),
      expect.stringMatching(/^\[Phone call \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] Inbound call from \+33123456789 \(Camille Martin\)\./),
    ]);
});

test('"Log this call" on a stock iTop becomes a private-log entry on the ticket', async ({ panel, cti, sim, snap }) => {
  const note = `Called back, all good ${Date.now()}`;
  // Queued as a PhoneCall (nothing is asked of iTop first); iTop's "no such class" turns it into the log entry.
  await logCallOnTicket(panel, cti, note, null, /Call logged on R-000002\./, snap, '25-no-phonecall-log');
  await expect.poll(async () => logMessages((await itopGet(sim, 'UserRequest', 2, ['private_log']))[0]?.['private_log'])[0] ?? '').toContain(note);
});
