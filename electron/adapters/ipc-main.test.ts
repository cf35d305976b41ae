import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../shared/config';
import { invokeContract, type ContractHandlers } from '../../shared/contract/contract';
import { createCompanion } from '../core/app/companion';
import { silentLog } from '../core/intake/log';
import { createInvokeRoute } from '../core/shell/ipc-router';
import { createSenderGuard } from '../core/shell/ipc-sender';
import { registerInvokeHandlers, sendEvent, type IpcMainLike, type InvokeEventLike } from './ipc-main';

const ENTRY = 'file:///app/out/renderer/index.html';
let dataDir: string;
let handlers: ContractHandlers;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ipc-main-'));
  handlers = createCompanion({ config: validateConfig({}, { generateToken: () => 't'.repeat(24) }).config, dataDir, log: silentLog }).handlers;
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipc: IpcMainLike = { handle: (ch, l) => void handlers.set(ch, l), removeHandler: (ch) => void handlers.delete(ch) };
  /** What ipcRenderer.invoke does: the event carries the sender's webContents and frame. */
  const invoke = (channel: string, event: InvokeEventLike, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  };
  return { ipc, handlers, invoke };
}

const mainFrame = { url: `${ENTRY}#calls`, parent: null };

describe('ipcMain adapter', () => {
  it('registers exactly the contract channels and removes them again', () => {
    const { ipc, handlers: registered } = fakeIpcMain();
    const guard = createSenderGuard({ appEntryUrl: () => ENTRY });
    const dispose = registerInvokeHandlers(ipc, createInvokeRoute({ handlers: () => handlers, guard, log: silentLog }));
    expect([...registered.keys()].sort()).toEqual(Object.keys(invokeContract).sort());
    dispose();
    expect(registered.size).toBe(0);
  });

  it('reads the sender from the event: trusted main frame answered, iframe and stranger refused', async () => {
    const { ipc, invoke } = fakeIpcMain();
    const guard = createSenderGuard({ appEntryUrl: () => ENTRY });
    guard.trust(3);
    registerInvokeHandlers(ipc, createInvokeRoute({ handlers: () => handlers, guard, log: silentLog }));
    expect(await invoke('settings:get', { sender: { id: 3 }, senderFrame: mainFrame })).toMatchObject({ ok: true });
    expect(await invoke('settings:get', { sender: { id: 3 }, senderFrame: { url: ENTRY, parent: {} } })).toMatchObject({ ok: false, error: { code: 'ipc-forbidden' } });
    expect(await invoke('settings:get', { sender: { id: 3 }, senderFrame: null })).toMatchObject({ ok: false, error: { code: 'ipc-forbidden' } });
    expect(await invoke('settings:get', { sender: { id: 4 }, senderFrame: mainFrame })).toMatchObject({ ok: false, error: { code: 'ipc-forbidden' } });
  });

  it('sends only contract-valid events, and never to a destroyed window', () => {
    const sent: string[] = [];
    const warnings: string[] = [];
    let destroyed = false;
    const target = { isDestroyed: () => destroyed, send: (ch: string, p: unknown) => void sent.push(`${ch} ${JSON.stringify(p)}`) };
    const log = { info: () => undefined, warn: (m: string) => void warnings.push(m) };
    sendEvent(target, 'call:focus', { callId: 'c1' }, log);
    sendEvent(target, 'call:focus', { callId: '' }, log);
    destroyed = true;
    sendEvent(target, 'call:focus', { callId: 'c2' }, log);
    expect(sent).toEqual(['call:focus {"callId":"c1"}']);
    expect(warnings).toHaveLength(1);
  });
});
