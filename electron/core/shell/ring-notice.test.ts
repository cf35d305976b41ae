import { describe, expect, it } from 'vitest';
import { createRingNotifications, openTicketCount, ringNotice, type RingNotice } from './ring-notice';
import { callView, list, match } from './testing/call-views';
import { createManualTimers } from './testing/manual-timers';

describe('ring notification content', () => {
  it('names the caller, their organization and the open tickets', () => {
    const call = callView({ callId: 'c1', callers: { state: 'done', label: '', matches: [match('7', 'Ada Lovelace', 'Analytical Ltd')] }, lists: [list('mine', ['R-1', 'R-2']), list('org', ['R-2', 'I-9'])] });
    expect(ringNotice(call)).toEqual({ callId: 'c1', title: 'Incoming call: Ada Lovelace', body: 'Analytical Ltd · 3 open tickets · 01 42 00 00 01' });
  });

  it('counts only lists that answered, and says when a caller is only probable', () => {
    const call = callView({ callId: 'c1', callers: { state: 'done', label: '', matches: [match('7', 'Ada', undefined, 'probable')] }, lists: [list('a', ['R-1']), list('b', ['R-5'], 'loading')] });
    expect(openTicketCount(call)).toBe(1);
    expect(ringNotice(call).title).toBe('Incoming call: Ada?');
    expect(ringNotice(call).body).toBe('1 open ticket · 01 42 00 00 01');
    expect(openTicketCount(callView({ callId: 'x', lists: [list('a', [], 'error')] }))).toBeUndefined();
  });

  it('names an inactive contact nobody chose as a question, and says it is inactive', () => {
    const call = callView({ callId: 'c1', callers: { state: 'done', label: '', matches: [{ ...match('74', 'Olivia Former', 'Initech'), inactive: true }] } });
    expect(ringNotice(call)).toMatchObject({ title: 'Incoming call: Olivia Former?', body: 'Initech · inactive · 01 42 00 00 01' });
  });

  it('uses the chosen contact among several, or says how many share the number', () => {
    const matches = [match('1', 'Ann', 'A'), match('2', 'Ben', 'B')];
    expect(ringNotice(callView({ callId: 'c', callers: { state: 'done', label: '', matches } }))).toMatchObject({ title: 'Incoming call: 01 42 00 00 01', body: '2 contacts share this number' });
    expect(ringNotice(callView({ callId: 'c', callers: { state: 'done', label: '', matches }, selection: { kind: 'person', personId: '2' } })).title).toBe('Incoming call: Ben');
  });

  it('shows unknown and withheld callers plainly', () => {
    expect(ringNotice(callView({ callId: 'c', displayName: 'RECEPTION' }))).toMatchObject({ title: 'Incoming call: RECEPTION', body: 'Unknown caller · 01 42 00 00 01' });
    expect(ringNotice(callView({ callId: 'c', number: { raw: 'anonymous', kind: 'withheld', display: '' } }))).toMatchObject({ title: 'Incoming call: Withheld number', body: 'Unknown caller' });
  });

  it('says why a lookup failed when AppStatus knows iTop is down or refuses the login', () => {
    const failed = callView({ callId: 'c', callers: { state: 'error', label: '', matches: [] } });
    expect(ringNotice(failed).body).toBe('Caller lookup failed');
    expect(ringNotice(failed, { state: 'unreachable', url: 'u' }).body).toBe('iTop unreachable: caller not looked up');
    expect(ringNotice(failed, { state: 'login-refused', url: 'u' }).body).toBe('iTop refused the login: caller not looked up');
    expect(ringNotice(failed, { state: 'connected', url: 'u' }).body).toBe('Caller lookup failed');
  });
});

describe('ring notifications', () => {
  function setup(options = { enabled: true, doNotDisturb: false }) {
    const sent: RingNotice[] = [];
    const timers = createManualTimers();
    const notifications = createRingNotifications({ notify: (n) => void sent.push(n), options: () => options, timers, waitForLookupMs: 1500 });
    return { sent, timers, notifications, options };
  }

  it('waits for the caller lookup so the notification can name the caller, once per call', () => {
    const { sent, notifications } = setup();
    notifications.update([callView({ callId: 'c1', callers: { state: 'loading', label: '', matches: [] } })]);
    expect(sent).toEqual([]);
    notifications.update([callView({ callId: 'c1', callers: { state: 'done', label: '', matches: [match('7', 'Ada')] } })]);
    notifications.update([callView({ callId: 'c1', callers: { state: 'done', label: '', matches: [match('7', 'Ada')] } })]);
    expect(sent.map((n) => n.title)).toEqual(['Incoming call: Ada']);
  });

  it('notifies without a name when the lookup is slow, and not at all if the call stopped ringing', () => {
    const { sent, notifications, timers } = setup();
    notifications.update([callView({ callId: 'slow', callers: { state: 'loading', label: '', matches: [] } }), callView({ callId: 'short', callers: { state: 'loading', label: '', matches: [] } })]);
    notifications.update([callView({ callId: 'slow', callers: { state: 'loading', label: '', matches: [] } }), callView({ callId: 'short', state: 'missed', callers: { state: 'loading', label: '', matches: [] } })]);
    timers.advance(1500);
    expect(sent.map((n) => n.callId)).toEqual(['slow']);
  });

  it('stays silent under do-not-disturb and for outbound calls', () => {
    const { sent, notifications } = setup({ enabled: true, doNotDisturb: true });
    notifications.update([callView({ callId: 'c1' })]);
    const other = setup();
    other.notifications.update([callView({ callId: 'c2', direction: 'outbound', state: 'dialing' })]);
    expect([...sent, ...other.sent]).toEqual([]);
  });
});
