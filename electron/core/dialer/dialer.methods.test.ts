import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../shared/config';
import { fail, ok } from '../../../shared/result';
import { createCallSessions } from '../calls/call-sessions';
import { silentLog } from '../intake/log';
import { createDialer, type DialerDeps } from './dialer';
import { outboundCallRecord } from './journal-input';

const ECALL = {
  url: 'https://myctiserver/index.php',
  url_parameters: {
    phone: { icon: 'fas fa-phone', attributes: { telephone: 'phone', mailaddress: 'email' } },
    mobile_phone: { icon: 'fa fa-mobile', attributes: { telephone: 'mobile_phone' } },
  },
};

function setup(dial: Record<string, unknown>, extra: Partial<DialerDeps> = {}) {
  const config = validateConfig({ phone: { defaultRegion: 'FR' }, dial, telephony: { ecall_parameters: ECALL }, cti: { token: 'x'.repeat(24) } }, { agentTimeZone: 'Europe/Paris' }).config;
  let time = 1_000_000;
  const clock = { now: () => time, advance: (ms: number) => void (time += ms) };
  const opened: string[] = [];
  const sent: unknown[] = [];
  const sessions = createCallSessions({ clock });
  let ids = 0;
  const dialer = createDialer({
    config, clock, log: silentLog, sessions, newId: () => `n${++ids}`,
    sendDial: async (command) => (sent.push(command), fail('no-bridge', 'No CTI bridge is connected')),
    openExternal: async (url) => void opened.push(url),
    ...extra,
  });
  return { dialer, opened, sent, sessions, clock };
}

const startedId = (r: Awaited<ReturnType<ReturnType<typeof createDialer>['dial']>>) => (r.ok && r.value.kind === 'started' ? r.value.started.callId : '');

describe('the os method', () => {
  it.each([
    ['tel', 'e164', 'tel:+33123456789'],
    ['callto', 'international-idd', 'callto:0033123456789'],
    ['sip', 'national', 'sip:0123456789'],
  ])('opens %s: URIs in the %s format', async (osScheme, format, uri) => {
    const { dialer, opened, sessions } = setup({ method: 'os', osScheme, format });
    const result = await dialer.dial({ number: '+33 1 23 45 67 89', source: 'app' });
    expect(result).toMatchObject({ ok: true, value: { kind: 'started', started: { method: 'os' } } });
    expect(opened).toEqual([uri]);
    expect(sessions.get(startedId(result))).toMatchObject({ state: 'dialing', direction: 'outbound' });
  });

  it('reports a handler that fails to open, and the attempt is not logged', async () => {
    const { dialer, sessions, clock } = setup({ method: 'os' }, { openExternal: async () => Promise.reject(new Error('no application for tel:')) });
    expect(await dialer.dial({ number: '0123456789', source: 'app' })).toMatchObject({ ok: false, error: { code: 'dial.open-failed', message: expect.stringContaining('no application') } });
    const [session] = sessions.snapshot().calls;
    expect(session).toMatchObject({ state: 'failed' });
    expect(outboundCallRecord(session!, clock.now() + 1e9)).toBeUndefined();
  });

  it('logs the untracked call without a duration once the grace time is over', async () => {
    const { dialer, sessions, clock } = setup({ method: 'os' });
    const callId = startedId(await dialer.dial({ number: '0612345678', ticket: { class: 'UserRequest', id: '8' }, personId: '46', source: 'app' }));
    clock.advance(119_999);
    expect(outboundCallRecord(sessions.get(callId)!, clock.now())).toBeUndefined();
    clock.advance(1);
    expect(outboundCallRecord(sessions.get(callId)!, clock.now())).toEqual({
      callId, flow: 'outbound', ticket: { class: 'UserRequest', id: '8' }, personId: '46', number: '06 12 34 56 78', e164: '+33612345678',
      dialString: '+33612345678', startedAt: 1_000_000, outcome: 'unknown',
    });
  });
});

describe('the url method', () => {
  it('opens the ecall URL of the clicked action with "+" as %2B and the other attributes', async () => {
    const { dialer, opened } = setup({ method: 'url', format: 'e164' });
    await dialer.dial({ number: '+33 6 12 34 56 78', action: 'mobile_phone', source: 'app' });
    await dialer.dial({ number: '+33 1 23 45 67 89', action: 'phone', attributes: { email: 'camille.martin@acme.fr' }, source: 'app' });
    expect(opened).toEqual([
      'https://myctiserver/index.php?telephone=%2B33612345678',
      'https://myctiserver/index.php?telephone=%2B33123456789&mailaddress=camille.martin%40acme.fr',
    ]);
  });
});

describe('requests and pending dials', () => {
  it('validates requests at the edge', async () => {
    const { dialer } = setup({ method: 'os' });
    expect(await dialer.dial({ number: '1', personId: "1' OR 1=1", source: 'app' })).toMatchObject({ ok: false, error: { code: 'dial.invalid-request', message: expect.stringContaining('personId') } });
    expect(await dialer.dial({ number: '1', source: 'evil' as never })).toMatchObject({ ok: false, error: { code: 'dial.invalid-request' } });
    expect(await dialer.handleLink('javascript:alert(1)')).toMatchObject({ ok: false, error: { code: 'deep-link-unsupported-scheme' } });
  });

  it('resolves the ticket a link names; the agent may keep it, change it or call without one', async () => {
    const resolveTicket = async (hint: string) => (hint === 'R-000002' ? ok({ class: 'UserRequest', id: '2', ref: 'R-000002' }) : fail('dial.ticket-not-found', 'no such ticket'));
    const { dialer, opened, sessions } = setup({ method: 'os' }, { resolveTicket });
    const queued = await dialer.handleLink('itop-cti://dial?number=%2B33123456789&ticket=R-000002');
    const id = queued.ok && queued.value.kind === 'pending' ? queued.value.pending.pendingId : '';
    await Promise.resolve();
    expect(dialer.pending()[0]).toMatchObject({ ticketHint: 'R-000002', ticket: { class: 'UserRequest', id: '2', ref: 'R-000002' }, needsTicket: false });
    const kept = await dialer.confirm({ pendingId: id });
    expect(kept.ok).toBe(true);
    expect(sessions.get(kept.ok ? kept.value.callId : '')).toMatchObject({ ticket: 'R-000002' });

    const unknown = await dialer.handleLink('tel:0123456789?ticket=x');
    expect(unknown).toMatchObject({ ok: true, value: { pending: { needsTicket: true } } });
    const bad = await dialer.handleLink('itop-cti://dial?number=0123456789&ticket=R-999');
    const badId = bad.ok && bad.value.kind === 'pending' ? bad.value.pending.pendingId : '';
    await Promise.resolve();
    await Promise.resolve();
    expect(dialer.pending().find((p) => p.pendingId === badId)).toMatchObject({ needsTicket: true });
    const without = await dialer.confirm({ pendingId: badId, ticket: null });
    expect(without.ok).toBe(true);
    expect(sessions.get(without.ok ? without.value.callId : '')?.ticket).toBeUndefined();
    expect(opened).toEqual(['tel:+33123456789', 'tel:+33123456789']);
  });

  it('rejects, expires and bounds pending dials; an undialable link can only be rejected', async () => {
    const { dialer, clock, opened } = setup({ method: 'os' }, { maxPending: 3, pendingTtlMs: 60_000 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await dialer.handleLink(`tel:012345678${i}`);
      ids.push(r.ok && r.value.kind === 'pending' ? r.value.pending.pendingId : '');
    }
    expect(dialer.pending().map((p) => p.number)).toEqual(['0123456782', '0123456783', '0123456784']);
    expect(dialer.reject(ids[2]!)).toEqual({ ok: true, value: null });
    expect(dialer.reject(ids[2]!)).toMatchObject({ ok: false, error: { code: 'dial.pending-unknown' } });
    clock.advance(60_001);
    expect(dialer.pending()).toEqual([]);
    expect(await dialer.confirm({ pendingId: ids[3]!, ticket: null })).toMatchObject({ ok: false, error: { code: 'dial.pending-unknown' } });

    const junk = await dialer.handleLink('itop-cti://dial?number=reception');
    expect(junk).toMatchObject({ ok: true, value: { pending: { problem: expect.stringContaining('reception') } } });
    const junkId = junk.ok && junk.value.kind === 'pending' ? junk.value.pending.pendingId : '';
    expect(await dialer.confirm({ pendingId: junkId, ticket: null })).toMatchObject({ ok: false, error: { code: 'dial.invalid-number' } });
    expect(opened).toEqual([]);
  });
});
