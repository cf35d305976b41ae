import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../../shared/config';
import type { CallView, CallsSnapshot } from '../../../shared/contract/views';
import { silentLog } from '../intake/log';
import { startDemoItop, type DemoItop } from '../../cli/demo-itop';
import { createCompanion } from './companion';

let sim: DemoItop;
let dataDir: string;
let companion: ReturnType<typeof createCompanion>;
let latest: CallsSnapshot = { version: 0, calls: [] };
const waiters: Array<() => void> = [];

/** Resolves when a pushed snapshot shows `callId` satisfying `test` (event-driven, no timing threshold). */
function waitForCall(callId: string, test: (call: CallView) => boolean): Promise<CallView> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const call = latest.calls.find((c) => c.callId === callId);
      if (call && test(call)) {
        resolve(call);
        return true;
      }
      return false;
    };
    if (!check()) waiters.push(() => void check());
  });
}
const settled = (c: CallView) => c.callers.state !== 'loading' && c.lists.every((l) => l.state !== 'loading');

beforeAll(async () => {
  const started = await startDemoItop();
  if (!started.ok) throw new Error(started.error.message);
  sim = started.value;
  dataDir = await mkdtemp(join(tmpdir(), 'cti-companion-'));
  const { config } = validateConfig({ itop: sim.itop, cti: { token: 't'.repeat(32) } }, { agentTimeZone: 'Europe/Paris' });
  companion = createCompanion({ config, dataDir, log: silentLog, intakePort: 0, language: 'en' });
  const indexed = new Promise<void>((resolve) =>
    companion.onEvent((channel, payload) => {
      if (channel === 'calls:changed') {
        latest = payload as CallsSnapshot;
        for (const w of [...waiters]) w();
      }
      if (channel === 'status:changed' && (payload as { index: { builtAt?: number } }).index.builtAt !== undefined) resolve();
    }),
  );
  await companion.start();
  await indexed;
});
afterAll(async () => {
  await companion?.stop();
  await sim?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('companion end to end (simulator, intake, handlers, events)', () => {
  it('reports the agent identity and the index in the status', async () => {
    const { status } = await companion.handlers['app:snapshot']();
    expect(status.itop).toMatchObject({ state: 'connected', identity: { personId: '40', name: 'Carla Tiago' } });
    expect(status.index.persons).toBeGreaterThan(50);
    expect(status.bridge.port).toBeGreaterThan(0);
  });

  it('pops callers from the index at once, then each list; selecting a caller reloads the lists and is remembered', async () => {
    const { callId } = await companion.handlers['call:simulate']({ number: '+33 1 23 45 67 89', name: 'Camille' });
    const first = await waitForCall(callId, settled);
    expect(first.source).toBe('simulated');
    expect(first.number).toMatchObject({ kind: 'external', e164: '+33123456789', display: '01 23 45 67 89' });
    expect(first.callers.matches[0]).toMatchObject({ name: 'Camille Martin', confidence: 'confirmed' });
    expect(first.callers.label).toBe('Contacts with phone number +33 1 23 45 67 89');
    const several = first.callers.matches.length > 1;
    expect(first.selection).toEqual(several ? { kind: 'all' } : { kind: 'person', personId: '42' });
    expect(first.choices?.at(-1)).toEqual({ kind: 'unknown' });
    expect(first.lists.map((l) => l.state)).toEqual(['done', 'done']);

    await companion.handlers['call:select-caller']({ callId, selection: { kind: 'person', personId: '42' } });
    const chosen = await waitForCall(callId, (c) => c.selection.kind === 'person' && settled(c));
    expect(chosen.lists[0]?.tickets.every((t) => t.callerName === 'Camille Martin')).toBe(true);

    await companion.handlers['call:select-caller']({ callId, selection: { kind: 'unknown' } });
    expect((await waitForCall(callId, (c) => c.selection.kind === 'unknown')).lists).toEqual([]);
    await companion.handlers['call:select-caller']({ callId, selection: { kind: 'person', personId: '42' } });

    const again = await companion.handlers['call:simulate']({ number: '0123456789' });
    const second = await waitForCall(again.callId, settled);
    expect(second.selection).toEqual({ kind: 'person', personId: '42' });
    await expect(companion.handlers['call:select-caller']({ callId, selection: { kind: 'person', personId: '99999' } })).rejects.toThrow(/not one of the choices/);
  });

  it('call:show asks the UI to bring the call forward (a host without windows of its own); an unknown call is refused', async () => {
    const { callId } = await companion.handlers['call:simulate']({ number: '+33612345678' });
    await waitForCall(callId, () => true);
    const focus = new Promise<unknown>((resolve) => {
      const off = companion.onEvent((channel, payload) => channel === 'call:focus' && (off(), resolve(payload)));
    });
    await companion.handlers['call:show']({ callId });
    expect(await focus).toEqual({ callId });
    await expect(companion.handlers['call:show']({ callId: 'no-such-call' })).rejects.toThrow(/No call no-such-call/);
  });

  it('shows withheld and unfilled-macro calls with a clear problem and no lookup', async () => {
    const withheld = await companion.handlers['call:simulate']({ number: 'anonymous' });
    const w = await waitForCall(withheld.callId, () => true);
    expect(w.number.kind).toBe('withheld');
    expect(w.number.problem).toMatch(/withheld/);
    expect(w.callers).toMatchObject({ state: 'idle', matches: [] });
    expect(w.lists).toEqual([]);
  });

  it('reads a ticket with its iTop links', async () => {
    const detail = await companion.handlers['ticket:get']({ class: 'UserRequest', id: '2' });
    expect(detail).toMatchObject({ ref: 'R-000002', class: 'UserRequest' });
    expect(detail.links.view).toBe(`${sim.url}/pages/UI.php?operation=details&class=UserRequest&id=2`);
    expect(detail.links.edit).toBe(`${sim.url}/pages/UI.php?operation=modify&class=UserRequest&id=2`);
    await expect(companion.handlers['ticket:get']({ class: 'UserRequest', id: '999999' })).rejects.toThrow(/does not exist/);
  });

  it('tests a connection and refuses a wrong password as a login problem', async () => {
    const good = await companion.handlers['settings:test-connection']({ url: sim.url, authMode: 'password', user: 'cti', password: 'cti-password' });
    expect(good).toMatchObject({ ok: true, identity: { name: 'Carla Tiago' } });
    const bad = await companion.handlers['settings:test-connection']({ url: sim.url, authMode: 'password', user: 'cti', password: 'nope' });
    expect(bad.ok).toBe(false);
    expect(bad.message).toMatch(/refused the login/);
  });
});
