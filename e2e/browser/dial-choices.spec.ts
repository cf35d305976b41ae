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
