import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../../shared/config';
import type { AppStatus, CallView } from '../../../shared/contract/views';
import { startSimulator, type RunningSimulator } from '../../../e2e/itop-sim/spawn';
import { createItopClient } from '../itop';
import { silentLog } from '../intake/log';
import { createCompanion, type RunningCompanion } from './companion';

// Two companion lives on one data folder against the real simulator process: the second starts with iTop down.
let sim: RunningSimulator;
let dataDir: string;

interface Watched {
  readonly companion: RunningCompanion;
  status(test: (s: AppStatus) => boolean): Promise<AppStatus>;
  call(callId: string, test: (c: CallView) => boolean): Promise<CallView>;
}

function start(): Watched {
  const { config } = validateConfig({ itop: { url: sim.baseUrl, user: 'cti', password: 'cti-password', timeoutMs: 2000 }, cti: { token: 't'.repeat(32) } }, { agentTimeZone: 'Europe/Paris' });
  const companion = createCompanion({ config, dataDir, log: silentLog, intakePort: 0, language: 'en' });
  let status: AppStatus | undefined;
  let calls: CallView[] = [];
  const waiters = new Set<() => void>();
  companion.onEvent((channel, payload) => {
    if (channel === 'status:changed') status = payload as AppStatus;
    if (channel === 'calls:changed') calls = (payload as { calls: CallView[] }).calls;
    for (const w of [...waiters]) w();
  });
  const until = <T>(read: () => T | undefined): Promise<T> =>
    new Promise((resolve) => {
      const check = (): void => {
        const value = read();
        if (value === undefined) return;
        waiters.delete(check);
        resolve(value);
      };
      waiters.add(check);
      check();
    });
  return {
    companion,
    status: (test) => until(() => (status && test(status) ? status : undefined)),
    call: (callId, test) => until(() => calls.find((c) => c.callId === callId && test(c))),
  };
}
const settled = (c: CallView) => c.callers.state === 'done' && c.lists.every((l) => l.state !== 'loading');

beforeAll(async () => {
  sim = await startSimulator({ noPhoneCall: true });
  dataDir = await mkdtemp(join(tmpdir(), 'cti-index-cache-'));
});
afterAll(async () => {
  await sim?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the companion with its phone index on disk', () => {
  it('restarted while iTop is down, names a cached caller at once and says the index may be stale since its last sync', async () => {
    const first = start();
    await first.companion.start();
    const built = await first.status((s) => s.index.source === 'itop' && s.index.persons > 0);
    await first.companion.stop();

    await sim.control.setFault('down');
    const second = start();
    await second.companion.start();
    const status = await second.status((s) => s.index.source === 'disk' && s.itop.state === 'unreachable');
    expect(status.index).toMatchObject({ stale: true, persons: built.index.persons, syncedAt: built.index.syncedAt });
    const { callId } = await second.companion.handlers['call:simulate']({ number: '+33 6 12 34 56 78' });
    const call = await second.call(callId, settled);
    expect(call.callers.matches.map((m) => [m.name, m.confidence])).toEqual([['Camille Martin', 'confirmed']]);
    await second.companion.stop();
    await sim.control.setFault('none');
  });

  it('a number changed in iTop since the index was saved: the card, the chooser and the index follow within the call', async () => {
    const admin = createItopClient({ url: sim.baseUrl, auth: { kind: 'password', user: 'ctiadmin', password: 'ctiadmin-password' } });
    const created = await admin.create({ class: 'Person', fields: { name: 'Ancien', first_name: 'Numero', org_id: 4, phone: '+33 2 40 00 00 01' }, outputFields: ['id'] });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const watched = start();
    await watched.companion.start();
    // The index comes from the disk (saved before the Person was created): its first call finds it by the caller query.
    await watched.status((s) => s.index.source === 'disk' && s.itop.state === 'connected');
    const first = await watched.companion.handlers['call:simulate']({ number: '02 40 00 00 01' });
    expect((await watched.call(first.callId, settled)).callers.matches.map((m) => m.personId)).toEqual([created.value.key]);

    await admin.update({ class: 'Person', key: created.value.key, fields: { phone: '+33 2 40 00 00 99' }, outputFields: ['id'] });
    const again = await watched.companion.handlers['call:simulate']({ number: '02 40 00 00 01' });
    const seen: string[] = [];
    const view = await watched.call(again.callId, (c) => {
      seen.push(c.callers.matches.map((m) => m.personId).join(','));
      return settled(c) && c.callers.matches.length === 0;
    });
    // First from the index (the old number), then dropped by the call-time check: no caller, no chooser entry.
    expect(seen).toContain(created.value.key);
    expect(view.selection).toEqual({ kind: 'unknown' });
    expect((view.choices ?? []).some((c) => c.kind === 'person')).toBe(false);
    const third = await watched.companion.handlers['call:simulate']({ number: '02 40 00 00 01' });
    const next = await watched.call(third.callId, (c) => c.callers.state !== 'loading' && c.callers.state !== 'idle');
    expect(next.callers.matches).toEqual([]);
    await watched.companion.stop();
  });
});
