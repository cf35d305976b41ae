import { describe, it, expect } from 'vitest';
import { createFakeBridge } from '../bridge/fake-bridge';
import { sampleHistory } from '../testing/sample-views';
import { createHistoryStore, openMissed } from './history-store';
import { createSettingsStore } from './settings-store';
import { createTicketStore } from './ticket-store';
import type { SettingsView } from '../../shared/contract/settings';
import type { TicketDetail } from '../../shared/contract/tickets';

const view: SettingsView = {
  itop: { url: 'http://127.0.0.1:8080', authMode: 'token', user: '', hasPassword: false, hasToken: true },
  phone: { defaultRegion: 'FR', outsideLinePrefix: '0', extensionPattern: '^\\d{3,4}$', suffixDigits: 9 },
  cti: { port: 8765, token: 't', threeCxUrl: 'http://127.0.0.1:8765/3cx?number=%CallerNumber%' },
  ui: { language: 'auto' },
  dialShortcut: { accelerator: 'CommandOrControl+Shift+D', dialsAtOnce: false },
  telephony: {},
  issues: [],
};

const ticket = (id: string): TicketDetail => ({
  id, class: 'UserRequest', ref: `R-${id}`, title: 'Printer', status: 'new', description: '', publicLog: [],
  links: { view: `http://itop/view/${id}`, edit: `http://itop/edit/${id}` },
});

describe('settings store', () => {
  it('loads, saves and tests the connection, each with its own state', async () => {
    const bridge = createFakeBridge({
      'settings:get': async () => view,
      'settings:update': async (p) => ({ ...view, ui: { language: p.ui?.language ?? 'auto' } }),
      'settings:test-connection': async (t) =>
        t.token === 'good' ? { ok: true, message: 'Connected', identity: { personId: '1', name: 'Ada Agent' } } : { ok: false, message: 'Login refused' },
    });
    const store = createSettingsStore(bridge);
    const { actions } = store.getState();
    await actions.loadRequested();
    expect(store.getState().view?.cti.port).toBe(8765);
    expect(await actions.saveRequested({ ui: { language: 'fr' } })).toBe(true);
    expect(store.getState().view?.ui.language).toBe('fr');
    await actions.testRequested({ url: 'http://itop', authMode: 'token', token: 'bad' });
    expect(store.getState().test).toMatchObject({ state: 'done', value: { ok: false, message: 'Login refused' } });
    await actions.testRequested({ url: 'http://itop', authMode: 'token', token: 'good' });
    expect(store.getState().test).toMatchObject({ state: 'done', value: { identity: { name: 'Ada Agent' } } });
  });

  it('reports invalid input before it reaches the core', async () => {
    const store = createSettingsStore(createFakeBridge({ 'settings:update': async () => view }));
    expect(await store.getState().actions.saveRequested({ phone: { defaultRegion: 'FRA' } })).toBe(false);
    expect(store.getState().save).toMatchObject({ state: 'error' });
  });

  it('keeps the validation messages of an import', async () => {
    const issues = [{ path: 'lists[0].oql', severity: 'error' as const, message: 'OQL does not parse' }];
    const store = createSettingsStore(createFakeBridge({ 'settings:import-telephony': async () => ({ telephony: {}, issues }) }));
    await store.getState().actions.importRequested('<?php return [];', 'php');
    expect(store.getState().import).toEqual({ state: 'done', value: { telephony: {}, issues } });
  });
});

describe('ticket store', () => {
  it('drops the late answer for a ticket the agent already left', async () => {
    const gates = new Map<string, () => void>();
    const bridge = createFakeBridge({
      'ticket:get': (ref) => new Promise((resolve) => gates.set(ref.id, () => resolve(ticket(ref.id)))),
    });
    const store = createTicketStore(bridge);
    const first = store.getState().actions.opened({ class: 'UserRequest', id: '1' });
    const second = store.getState().actions.opened({ class: 'UserRequest', id: '2' });
    await new Promise((r) => setTimeout(r, 0));
    gates.get('2')?.();
    await second;
    gates.get('1')?.();
    await first;
    expect(store.getState()).toMatchObject({ state: 'done', detail: { ref: 'R-2' } });
  });

  it('says why a ticket could not be loaded', async () => {
    const store = createTicketStore(createFakeBridge({ 'ticket:get': async () => { throw new Error('iTop unreachable'); } }));
    await store.getState().actions.opened({ class: 'UserRequest', id: '9' });
    expect(store.getState()).toMatchObject({ state: 'error', error: expect.stringContaining('iTop unreachable') });
  });
});

describe('history store', () => {
  it('lists open missed calls newest first and sends the clear intent', async () => {
    const cleared: string[] = [];
    const store = createHistoryStore(createFakeBridge({ 'history:clear-missed': async ({ number }) => (cleared.push(number), null) }));
    store.getState().actions.historyReceived([
      sampleHistory({ callId: 'a', startedAt: 1 }),
      sampleHistory({ callId: 'b', startedAt: 3, state: 'ended', missedOpen: false }),
      sampleHistory({ callId: 'c', startedAt: 2 }),
    ]);
    expect(openMissed(store.getState().entries).map((e) => e.callId)).toEqual(['c', 'a']);
    await store.getState().actions.missedCleared('+33123456789');
    expect(cleared).toEqual(['+33123456789']);
  });
});
