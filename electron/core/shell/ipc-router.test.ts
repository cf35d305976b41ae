import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../../shared/config';
import { invokeContract, type ContractHandlers } from '../../../shared/contract/contract';
import { silentLog } from '../intake/log';
import { createCompanion } from '../app/companion';
import { checkEvent, createInvokeRoute } from './ipc-router';
import { createSenderGuard, type IpcSender } from './ipc-sender';

const ENTRY = 'file:///app/out/renderer/index.html';
const fromApp: IpcSender = { webContentsId: 7, frameUrl: `${ENTRY}#main`, isMainFrame: true };

let dataDir: string;
let handlers: ContractHandlers;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ipc-router-'));
  const { config } = validateConfig({}, { generateToken: () => 'x'.repeat(24) });
  handlers = createCompanion({ config, dataDir, log: silentLog }).handlers; // the real core, not started
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

function setup() {
  const guard = createSenderGuard({ appEntryUrl: () => ENTRY });
  guard.trust(7);
  const warnings: string[] = [];
  const route = createInvokeRoute({ handlers: () => handlers, guard, log: { info: () => undefined, warn: (m, d) => void warnings.push(`${m} ${JSON.stringify(d)}`) } });
  return { guard, route, warnings };
}

describe('IPC sender validation', () => {
  it('answers the main frame of a window of ours showing the app page', async () => {
    const { route } = setup();
    const answer = await route(fromApp, 'settings:get', []);
    expect(answer.ok).toBe(true);
    expect(invokeContract['settings:get'].result.safeParse(answer.ok && answer.value).success).toBe(true);
  });

  it('refuses unknown webContents, sub-frames, other pages and destroyed frames', async () => {
    const { route, guard, warnings } = setup();
    const refused: IpcSender[] = [
      { ...fromApp, webContentsId: 8 },
      { ...fromApp, isMainFrame: false },
      { ...fromApp, frameUrl: 'https://evil.example/?token=abc' },
      { ...fromApp, frameUrl: undefined },
    ];
    for (const sender of refused) {
      const answer = await route(sender, 'settings:get', []);
      expect(answer).toMatchObject({ ok: false, error: { code: 'ipc-forbidden' } });
    }
    expect(warnings).toHaveLength(4);
    expect(warnings.join()).not.toContain('token=abc');
    guard.forget(7);
    expect((await route(fromApp, 'settings:get', [])).ok).toBe(false);
  });
});

describe('IPC route', () => {
  it('refuses channels outside the contract, including prototype keys', async () => {
    const { route } = setup();
    for (const channel of ['shell:exec', '__proto__', 'constructor', 'toString']) {
      expect(await route(fromApp, channel, [])).toMatchObject({ ok: false, error: { code: 'ipc-unknown-channel' } });
    }
  });

  it('validates the arguments against the contract and says which one is wrong', async () => {
    const { route } = setup();
    const answer = await route(fromApp, 'itop:open', [{ url: 'not a url' }]);
    expect(answer).toMatchObject({ ok: false, error: { code: 'ipc-bad-arguments' } });
    expect(!answer.ok && answer.error.message).toContain('itop:open');
    expect((await route(fromApp, 'call:dismiss', [])).ok).toBe(false);
  });

  it('turns a failing handler into a readable error instead of a rejected promise', async () => {
    const { route } = setup();
    // Not started: no intake server, so the core refuses to simulate a call.
    const answer = await route(fromApp, 'call:simulate', [{ number: '+33142000001' }]);
    expect(answer).toMatchObject({ ok: false, error: { code: 'ipc-handler-failed' } });
    expect(!answer.ok && answer.error.message).toMatch(/not started/);
  });

  it('refuses an answer of the core that is outside the contract', async () => {
    const guard = createSenderGuard({ appEntryUrl: () => ENTRY });
    guard.trust(7);
    const broken = { ...handlers, 'call:dismiss': async () => ({ surprise: new Date() }) } as unknown as ContractHandlers;
    const route = createInvokeRoute({ handlers: () => broken, guard, log: silentLog });
    expect(await route(fromApp, 'call:dismiss', [{ callId: 'c1' }])).toMatchObject({ ok: false, error: { code: 'ipc-bad-result' } });
  });

  it('checks pushed events against the contract', () => {
    expect(checkEvent('call:focus', { callId: 'c1' }).ok).toBe(true);
    expect(checkEvent('call:focus', { callId: '' }).ok).toBe(false);
  });
});
