import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../shared/config';
import type { PendingCallee } from '../../../shared/contract/dial';
import type { CallerMatch, CallerSelection } from '../../../shared/contract/views';
import { ok } from '../../../shared/result';
import { createCallSessions } from '../calls/call-sessions';
import { silentLog } from '../intake/log';
import { calleeContact } from './callee-choice';
import { createDialer, type DialerDeps } from './dialer';
import { outboundDetailsOf } from './outbound-details';

// Issue 17 §2-3: a pending dial's callee chosen by the agent, and a ticket the agent created for it.

const match = (personId: string, confidence: CallerMatch['confidence'] = 'confirmed'): CallerMatch => ({ personId, name: `P${personId}`, phones: [], confidence, display: [] });

function setup(matches: CallerMatch[], extra: Partial<DialerDeps> = {}) {
  const config = validateConfig({ phone: { defaultRegion: 'FR' }, dial: { method: 'os' }, cti: { token: 'x'.repeat(24) } }, { agentTimeZone: 'Europe/Paris' }).config;
  const clock = { now: () => 1_000_000 };
  const sessions = createCallSessions({ clock });
  const selected: CallerSelection[] = [];
  let ids = 0;
  const dialer = createDialer({
    config, clock, log: silentLog, sessions, newId: () => `n${++ids}`,
    sendDial: async () => ok({ requestId: 'r' }),
    openExternal: async () => undefined,
    // A callee finder as the companion's: reports the matches at once, accepts a person among them.
    findCallee: (_number, _key, onChange) => {
      let callee: PendingCallee = { state: 'done', matches, lists: [], selection: matches.length === 1 ? { kind: 'person', personId: matches[0]!.personId } : { kind: 'all' } };
      onChange(callee);
      return {
        select(selection) {
          if (selection.kind === 'person' && !matches.some((m) => m.personId === selection.personId)) return false;
          selected.push(selection);
          callee = { ...callee, selection, chosen: true };
          onChange(callee);
          return true;
        },
      };
    },
    ...extra,
  });
  return { dialer, sessions, selected };
}

async function pendingOf(dialer: ReturnType<typeof createDialer>, link: string) {
  const r = await dialer.handleLink(link);
  if (!r.ok || r.value.kind !== 'pending') throw new Error(JSON.stringify(r));
  return r.value.pending.pendingId;
}

const personOfCall = (sessions: ReturnType<typeof createCallSessions>, callId: string) => outboundDetailsOf(sessions.get(callId)?.details ?? {})?.personId;

describe('choosing the callee of a pending dial', () => {
  it('the chosen person is the call\'s contact; a person not offered is refused', async () => {
    const { dialer, sessions, selected } = setup([match('52'), match('53')]);
    const pendingId = await pendingOf(dialer, 'itop-cti://dial?number=+33123456700');
    expect(dialer.chooseCallee(pendingId, { kind: 'person', personId: '99' })).toMatchObject({ ok: false, error: { code: 'dial.callee-not-offered' } });
    expect(dialer.chooseCallee(pendingId, { kind: 'person', personId: '53' })).toEqual(ok(null));
    expect(selected).toEqual([{ kind: 'person', personId: '53' }]);
    expect(dialer.pending()[0]?.callee).toMatchObject({ selection: { kind: 'person', personId: '53' }, chosen: true });
    const started = await dialer.confirm({ pendingId, ticket: { class: 'UserRequest', id: '2' } });
    if (!started.ok) throw new Error(started.error.message);
    expect(personOfCall(sessions, started.value.callId)).toBe('53');
  });

  it('several matches and no choice: the call names nobody (the first of several is a guess)', async () => {
    const { dialer, sessions } = setup([match('52'), match('53')]);
    const pendingId = await pendingOf(dialer, 'itop-cti://dial?number=+33123456700');
    const started = await dialer.confirm({ pendingId, ticket: null });
    if (!started.ok) throw new Error(started.error.message);
    expect(personOfCall(sessions, started.value.callId)).toBeUndefined();
  });

  it('a handled dial can no longer be chosen for', async () => {
    const { dialer } = setup([match('52'), match('53')]);
    const pendingId = await pendingOf(dialer, 'itop-cti://dial?number=+33123456700');
    expect(dialer.reject(pendingId).ok).toBe(true);
    expect(dialer.chooseCallee(pendingId, { kind: 'person', personId: '53' })).toMatchObject({ ok: false, error: { code: 'dial.pending-unknown' } });
  });
});

describe('calleeContact', () => {
  const callee = (matches: CallerMatch[], selection: CallerSelection, chosen = false): PendingCallee => ({ state: 'done', matches, lists: [], selection, chosen });
  it.each([
    ['one confirmed match', callee([match('1')], { kind: 'person', personId: '1' }), '1'],
    ['one probable match, not chosen', callee([match('1', 'probable')], { kind: 'person', personId: '1' }), undefined],
    ['one probable match, chosen', callee([match('1', 'probable')], { kind: 'person', personId: '1' }, true), '1'],
    ['several, all selected', callee([match('1'), match('2')], { kind: 'all' }), undefined],
    ['several, one chosen', callee([match('1'), match('2')], { kind: 'person', personId: '2' }, true), '2'],
    ['unknown contact chosen', callee([match('1')], { kind: 'unknown' }, true), undefined],
  ])('%s', (_name, value, expected) => {
    expect(calleeContact(value)).toBe(expected);
  });
});

describe('a ticket created for a pending dial', () => {
  it('replaces the link\'s unresolved ticket, and the call is placed on it', async () => {
    const { dialer, sessions } = setup([match('42')], {
      // The link's ticket resolves late and not found: it must not undo the ticket the agent created meanwhile.
      resolveTicket: () => new Promise((resolve) => setTimeout(() => resolve({ ok: false, error: { code: 'dial.ticket-not-found', message: 'no' } }), 20)),
    });
    const pendingId = await pendingOf(dialer, 'itop-cti://dial?number=+33612345678&ticket=R-999999');
    expect(dialer.attachTicket(pendingId, { class: 'UserRequest', id: '77', ref: 'R-000077' })).toEqual(ok(null));
    await new Promise((r) => setTimeout(r, 40));
    const [view] = dialer.pending();
    expect(view).toMatchObject({ needsTicket: false, ticket: { class: 'UserRequest', id: '77', ref: 'R-000077' } });
    expect(view?.ticketHint).toBeUndefined();
    const started = await dialer.confirm({ pendingId });
    if (!started.ok) throw new Error(started.error.message);
    const session = sessions.get(started.value.callId);
    expect(outboundDetailsOf(session?.details ?? {})).toMatchObject({ ticket: { class: 'UserRequest', id: '77' }, personId: '42' });
    expect(session?.ticket).toBe('R-000077');
  });

  it('a dial already handled gets no ticket', async () => {
    const { dialer } = setup([]);
    expect(dialer.attachTicket('nope', { class: 'UserRequest', id: '1' })).toMatchObject({ ok: false, error: { code: 'dial.pending-unknown' } });
  });
});
