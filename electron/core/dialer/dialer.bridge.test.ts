import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../../shared/config';
import { createCallSessions, type CallSessions } from '../calls/call-sessions';
import { connectBridge, startHarness, TEST_TOKEN, type Harness, type TestBridge } from '../intake/testing/intake-harness';
import { silentLog } from '../intake/log';
import { createDialer, type Dialer } from './dialer';
import { outboundCallRecord } from './journal-input';
import { outboundDetailsOf } from './outbound-details';
import type { DialCommandFrame } from '../../../shared/cti/bridge-frame';

// The dialer end to end over a REAL intake server (port 0) and a REAL WebSocket test bridge.

const configFor = (dial: Record<string, unknown>) =>
  validateConfig({ phone: { defaultRegion: 'FR', outsideLinePrefix: '0' }, dial, cti: { token: 'x'.repeat(24) } }, { agentTimeZone: 'Europe/Paris' }).config;

let h: Harness;
let sessions: CallSessions;
let dialer: Dialer;
let bridge: TestBridge;
let config = configFor({ method: 'bridge', format: 'national' });
let ids = 0;

beforeEach(async () => {
  config = configFor({ method: 'bridge', format: 'national' });
  let route: Dialer['routeEvent'] = (e) => e;
  h = await startHarness({ dialTimeoutMs: 300, onEvent: (event) => void sessions.apply(route(event)) });
  sessions = createCallSessions({ clock: h.clock });
  dialer = createDialer({
    config: () => config, sendDial: (command) => h.server.sendDial(command), openExternal: async () => undefined,
    sessions, clock: h.clock, log: silentLog, newId: () => `n${++ids}`,
  });
  route = (event) => dialer.routeEvent(event);
  bridge = await connectBridge(`ws://127.0.0.1:${h.port}/cti`, { headers: { Authorization: `Bearer ${TEST_TOKEN}` } });
});
afterEach(async () => {
  await bridge.close();
  await h.stop();
});

/** Sends a bridge event and waits for the intake's acknowledgement, so the session has seen it. */
async function report(event: Record<string, unknown>): Promise<void> {
  bridge.socket.send(JSON.stringify(event));
  expect(await bridge.next()).toMatchObject({ event: event['event'] });
}

describe('dialing through the CTI bridge', () => {
  it('sends the dial command, then bridge events complete the call into an outbound PhoneCall record with duration', async () => {
    const dialing = dialer.dial({ number: '+33 1 23 45 67 89', ticket: { class: 'UserRequest', id: '2' }, personId: '42', source: 'app' });
    const command = (await bridge.next()) as DialCommandFrame;
    expect(command).toEqual({ command: 'dial', requestId: command.requestId, number: '+33123456789', dialString: '0123456789', ticket: '2' });
    bridge.socket.send(JSON.stringify({ result: 'ok', requestId: command.requestId }));
    const result = await dialing;
    expect(result).toEqual({ ok: true, value: { kind: 'started', started: { callId: 'dial-n1', method: 'bridge', dialString: '0123456789', display: '01 23 45 67 89', e164: '+33123456789' } } });
    expect(sessions.get('dial-n1')).toMatchObject({ direction: 'outbound', state: 'dialing', source: 'app', remoteNumber: '+33123456789', ticket: 'UserRequest::2' });

    // The PBX reports the call under its own id, with the number as it dialed it (outside line + national).
    await report({ event: 'outgoing', callId: 'pbx-77', from: '201', to: '00123456789' });
    h.clock.advance(4000);
    await report({ event: 'answered', callId: 'pbx-77', direction: 'outbound', from: '201', to: '00123456789' });
    h.clock.advance(95_000);
    await report({ event: 'hangup', callId: 'pbx-77', direction: 'outbound', from: '201', to: '00123456789', cause: 'normal' });

    expect(sessions.get('pbx-77')).toBeUndefined();
    const session = sessions.get('dial-n1');
    expect(session).toMatchObject({ state: 'ended', durationMs: 95_000 });
    expect(outboundDetailsOf(session?.details ?? {})).toMatchObject({ dispatch: 'sent', tracked: true, bridgeCallId: 'pbx-77' });
    expect(outboundCallRecord(session!, h.clock.now())).toEqual({
      callId: 'dial-n1', flow: 'outbound', ticket: { class: 'UserRequest', id: '2' }, personId: '42', number: '01 23 45 67 89', e164: '+33123456789',
      dialString: '0123456789', startedAt: session?.startedAt, durationMs: 95_000, outcome: 'answered', cause: 'normal',
    });
  });

  it('reports a refusal by the bridge, and the call is failed and never logged', async () => {
    const dialing = dialer.dial({ number: '0123456789', source: 'app' });
    const command = (await bridge.next()) as DialCommandFrame;
    bridge.socket.send(JSON.stringify({ result: 'error', requestId: command.requestId, message: 'line busy' }));
    expect(await dialing).toMatchObject({ ok: false, error: { code: 'bridge-refused', message: expect.stringContaining('line busy') } });
    const session = sessions.get('dial-n2') ?? sessions.snapshot().calls[0];
    expect(session).toMatchObject({ state: 'failed', cause: 'bridge-refused' });
    expect(outboundDetailsOf(session?.details ?? {})).toMatchObject({ dispatch: 'failed', error: expect.stringContaining('line busy') });
    expect(outboundCallRecord(session!, h.clock.now() + 1e9)).toBeUndefined();
  });

  it('reports a bridge that never answers as a time-out', async () => {
    const dialing = dialer.dial({ number: '0123456789', source: 'app' });
    expect(await bridge.next()).toMatchObject({ command: 'dial', dialString: '0123456789' });
    expect(await dialing).toMatchObject({ ok: false, error: { code: 'bridge-timeout' } });
    expect(sessions.snapshot().calls[0]).toMatchObject({ state: 'failed', cause: 'bridge-timeout' });
  });

  it('says so when no bridge is connected, and refuses an undialable number before sending anything', async () => {
    expect(await dialer.dial({ number: 'call reception', source: 'app' })).toMatchObject({ ok: false, error: { code: 'dial.invalid-number' } });
    expect(sessions.snapshot().calls).toEqual([]);
    await bridge.close();
    expect(await dialer.dial({ number: '0123456789', source: 'app' })).toMatchObject({ ok: false, error: { code: 'no-bridge' } });
  });

  it('logs a call the bridge acknowledged but never reported, without duration, after the grace time', async () => {
    const dialing = dialer.dial({ number: '+4930 1234567', ticket: { class: 'Incident', id: '3' }, source: 'app' });
    const command = (await bridge.next()) as DialCommandFrame;
    expect(command).toMatchObject({ number: '+49301234567', dialString: '0049301234567', ticket: '3' });
    bridge.socket.send(JSON.stringify({ result: 'ok', requestId: command.requestId }));
    const started = await dialing;
    const callId = started.ok && started.value.kind === 'started' ? started.value.started.callId : '';
    const session = sessions.get(callId)!;
    expect(outboundCallRecord(session, h.clock.now())).toBeUndefined();
    expect(outboundCallRecord(session, h.clock.now() + 120_000)).toMatchObject({ outcome: 'unknown', ticket: { class: 'Incident', id: '3' } });
    expect(outboundCallRecord(session, h.clock.now() + 120_000)?.durationMs).toBeUndefined();
  });
});

describe('dial links from iTop pages', () => {
  it('waits for the agent: nothing is sent until confirmed, a ticket must be chosen, then the bridge dials', async () => {
    const changes: number[] = [];
    dialer.onPendingChange((pending) => changes.push(pending.length));
    const queued = await dialer.handleLink('itop-cti://dial?number=+33%201%2023%2045%2067%2089');
    expect(queued).toMatchObject({ ok: true, value: { kind: 'pending', pending: { number: '+33 1 23 45 67 89', display: '01 23 45 67 89', dialString: '0123456789', needsTicket: true } } });
    const pendingId = queued.ok && queued.value.kind === 'pending' ? queued.value.pending.pendingId : '';
    expect(sessions.snapshot().calls).toEqual([]);
    expect(await dialer.confirm({ pendingId })).toMatchObject({ ok: false, error: { code: 'dial.ticket-required' } });
    expect(dialer.pending()).toHaveLength(1);

    const confirming = dialer.confirm({ pendingId, ticket: { class: 'UserRequest', id: '2' }, personId: '42' });
    const command = (await bridge.next()) as DialCommandFrame;
    expect(command).toMatchObject({ number: '+33123456789', dialString: '0123456789', ticket: '2' });
    bridge.socket.send(JSON.stringify({ result: 'ok', requestId: command.requestId }));
    const started = await confirming;
    expect(started).toMatchObject({ ok: true, value: { method: 'bridge', dialString: '0123456789' } });
    expect(dialer.pending()).toEqual([]);
    expect(changes).toEqual([1, 0]);
    const callId = started.ok ? started.value.callId : '';
    expect(sessions.get(callId)).toMatchObject({ source: 'deep-link', state: 'dialing' });
    expect(outboundDetailsOf(sessions.get(callId)?.details ?? {})).toMatchObject({ origin: 'deep-link', ticket: { class: 'UserRequest', id: '2' }, personId: '42' });
  });

  it('a bridge reusing the dial command requestId as call id is matched too', async () => {
    const dialing = dialer.dial({ number: '0123456789', source: 'app' });
    const command = (await bridge.next()) as DialCommandFrame;
    bridge.socket.send(JSON.stringify({ result: 'ok', requestId: command.requestId }));
    const started = await dialing;
    const callId = started.ok && started.value.kind === 'started' ? started.value.started.callId : '';
    await report({ event: 'answered', callId: command.requestId, direction: 'outbound', to: 'sip:0123456789@pbx' });
    expect(sessions.get(callId)).toMatchObject({ state: 'answered' });
  });
});
