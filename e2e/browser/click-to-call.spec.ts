import type { RunningSimulator } from '../itop-sim/spawn';
import type { CtiBridgeClient } from './cti-bridge-client';
import { callCard, expect, itopGet, test } from './fixtures';

// Issue 6: a REAL test bridge on the CTI WebSocket receives the dial command and reports the call;
// the simulator then holds the outbound PhoneCall.

const outboundCalls = (sim: RunningSimulator) =>
  itopGet(sim, 'PhoneCall', "SELECT PhoneCall WHERE ticket_id = 2 AND flow = 'outbound'", ['contact_id', 'ticket_id', 'flow', 'note']);

/** Acknowledges the dial command, then reports outgoing → answered → hangup under the PBX's own id. */
async function answerDial(cti: CtiBridgeClient, pbxId: string) {
  const command = await cti.received((f) => f['command'] === 'dial');
  expect(command).toMatchObject({ command: 'dial', number: '+33123456789', dialString: '0123456789', ticket: '2' });
  cti.send({ result: 'ok', requestId: command['requestId'] });
  const t0 = Date.now();
  const at = (ms: number) => new Date(t0 + ms).toISOString();
  cti.send({ event: 'outgoing', callId: pbxId, direction: 'outbound', from: '201', to: '0123456789', at: at(0) });
  cti.send({ event: 'answered', callId: pbxId, direction: 'outbound', from: '201', to: '0123456789', at: at(3000) });
  return { hangup: () => cti.send({ event: 'hangup', callId: pbxId, direction: 'outbound', from: '201', to: '0123456789', at: at(65_000), cause: 'normal' }) };
}

test('a ticket\'s call action → the bridge dials → the call is answered and ended → an outbound PhoneCall on the ticket and the person', async ({ panel, cti, sim, snap }) => {
  const before = (await outboundCalls(sim)).length;
  cti.ring('e2e-c2c-in', '+33612345678');
  await callCard(panel, /06 12 34 56 78/).getByRole('button', { name: /Open ticket R-000002/ }).first().click();
  const dialog = panel.getByRole('dialog');
  const actions = dialog.getByRole('list', { name: 'Call Camille Martin' });
  await expect(actions.getByRole('button')).toHaveCount(2);
  await snap('30-ticket-call-actions');
  await actions.getByRole('button', { name: 'Call Camille Martin (Phone) 01 23 45 67 89' }).click();
  const call = await answerDial(cti, 'pbx-e2e-1');
  await panel.keyboard.press('Escape');
  const card = panel.getByRole('article', { name: /Outgoing call: 01 23 45 67 89/ });
  await expect(card.getByText('In call')).toBeVisible();
  await expect(card.getByText(/^Logged on (R-000002|#2)$/)).toBeVisible();
  await snap('31-outbound-answered');
  call.hangup();
  await expect(card.getByText('Ended')).toBeVisible();
  await expect(card.getByText('1:02')).toBeVisible();
  await expect.poll(async () => (await outboundCalls(sim)).length).toBe(before + 1);
  expect(await outboundCalls(sim)).toContainEqual(expect.objectContaining({ contact_id: '42', flow: 'outbound', note: expect.stringMatching(/^Outbound call to \+33123456789 \(Camille Martin\), 1 min 0?2 s\./) }));
  await snap('32-outbound-ended');
});

test('an itop-cti://dial link (as iTop renders it) waits for the agent, then dials and is logged on the link\'s ticket', async ({ panel, companion, cti, sim, snap }) => {
  const before = (await outboundCalls(sim)).length;
  const link = 'itop-cti://dial?number=+33 1 23 45 67 89&ticket=R-000002';
  await panel.goto(`${companion.origin}/?link=${encodeURIComponent(link)}`);
  await expect(panel).toHaveURL(`${companion.origin}/`);
  const pending = panel.getByRole('region', { name: 'Call 01 23 45 67 89?' });
  await expect(pending.getByText('Logged on R-000002')).toBeVisible();
  await expect(pending.getByText('Calling Camille Martin')).toBeVisible();
  await snap('33-deep-link-pending');
  // Nothing is dialed before the agent confirms.
  await expect(cti.received((f) => f['command'] === 'dial', 500)).rejects.toThrow(/no matching frame/);
  await pending.getByRole('button', { name: 'Call 01 23 45 67 89' }).click();
  const call = await answerDial(cti, 'pbx-e2e-2');
  await expect(pending).toBeHidden();
  const card = panel.getByRole('article', { name: /Outgoing call: 01 23 45 67 89/ });
  await expect(card.getByText('In call')).toBeVisible();
  call.hangup();
  await expect(card.getByText('Ended')).toBeVisible();
  await expect.poll(async () => (await outboundCalls(sim)).length).toBe(before + 1);
  expect(await outboundCalls(sim)).toContainEqual(expect.objectContaining({ contact_id: '42', ticket_id: '2', flow: 'outbound' }));
});

test('a link with no ticket asks which ticket to log on; rejecting it dials nothing; the manual dialer formats as you type', async ({ panel, companion, cti, snap }) => {
  await panel.goto(`${companion.origin}/?link=${encodeURIComponent('itop-cti://dial?number=+33 6 12 34 56 78')}`);
  const pending = panel.getByRole('region', { name: 'Call 06 12 34 56 78?' });
  await expect(pending.getByRole('group', { name: 'Log the call on' })).toBeVisible();
  await expect(pending.getByRole('button', { name: 'Call 06 12 34 56 78' })).toBeDisabled();
  await snap('34-deep-link-choose-ticket');
  await pending.getByRole('button', { name: 'Do not call' }).click();
  await expect(pending).toBeHidden();

  const dialer = panel.getByRole('search', { name: 'Dial a number' });
  await dialer.getByRole('textbox', { name: 'Number to dial' }).focus();
  await panel.keyboard.type('0612345678');
  await expect(dialer.getByRole('textbox', { name: 'Number to dial' })).toHaveValue('06 12 34 56 78');
  await panel.keyboard.press('Enter');
  const command = await cti.received((f) => f['command'] === 'dial');
  expect(command).toMatchObject({ number: '+33612345678', dialString: '0612345678' });
  cti.send({ result: 'ok', requestId: command['requestId'] });
  await expect(panel.getByRole('article', { name: /Outgoing call: 06 12 34 56 78/ })).toBeVisible();
});

test('a link with no ticket shows the callee and their open tickets; the PhoneCall is logged on the ticket picked there', async ({ panel, companion, cti, sim, snap }) => {
  const onTicket12 = () => itopGet(sim, 'PhoneCall', "SELECT PhoneCall WHERE ticket_id = 12 AND flow = 'outbound'", ['contact_id', 'ticket_id', 'flow']);
  const before = (await onTicket12()).length;
  await panel.goto(`${companion.origin}/?link=${encodeURIComponent('itop-cti://dial?number=+33 6 12 34 56 78')}`);
  const pending = panel.getByRole('region', { name: 'Call 06 12 34 56 78?' });
  // No ticket came with the link: the callee comes from the core's lookup of the number, with their lists.
  await expect(pending.getByText('Calling Camille Martin')).toBeVisible();
  const chooser = pending.getByRole('group', { name: 'Log the call on' });
  await chooser.getByRole('radio', { name: 'R-000012 · Mobile phone replacement' }).check();
  await snap('35-deep-link-callee-tickets');
  await pending.getByRole('button', { name: 'Call 06 12 34 56 78' }).click();
  const command = await cti.received((f) => f['command'] === 'dial');
  expect(command).toMatchObject({ command: 'dial', number: '+33612345678', dialString: '0612345678', ticket: '12' });
  cti.send({ result: 'ok', requestId: command['requestId'] });
  await expect(pending).toBeHidden();
  const t0 = Date.now();
  const at = (ms: number) => new Date(t0 + ms).toISOString();
  cti.send({ event: 'answered', callId: command['requestId'], direction: 'outbound', to: '0612345678', at: at(2000) });
  cti.send({ event: 'hangup', callId: command['requestId'], direction: 'outbound', to: '0612345678', at: at(20_000), cause: 'normal' });
  await expect.poll(async () => (await onTicket12()).length).toBe(before + 1);
  expect(await onTicket12()).toContainEqual(expect.objectContaining({ contact_id: '42', ticket_id: '12', flow: 'outbound' }));
});
