import { mkdtemp, rm } from 'node:fs/promises';
import { afterAll, beforeAll } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateConfig } from '../../../../shared/config';
import type { EventChannel, EventPayload } from '../../../../shared/contract/contract';
import type { PendingDialView } from '../../../../shared/contract/dial';
import type { CallView } from '../../../../shared/contract/views';
import { createItopClient, type ItopClient } from '../../itop';
import { silentLog } from '../../intake/log';
import { connectBridge, type TestBridge } from '../../intake/testing/intake-harness';
import { createCompanion, type CompanionDeps, type RunningCompanion } from '../companion';

/** The running simulator as the rig needs it (tests start it with e2e/itop-sim/spawn: the core never imports e2e). */
export interface RigSimulator {
  readonly url: string;
  readonly baseUrl: string;
  stop(): Promise<void>;
}

/**
 * A real companion against the real simulator process: driven only through its contract handlers, observed
 * only through its pushed events. Waits are event-driven (no timing thresholds); vitest's own test timeout
 * is the only clock.
 */
export const RIG_TOKEN = 'rig-token-0123456789abcdefghij';

export interface CompanionRig {
  readonly sim: RigSimulator;
  readonly companion: RunningCompanion;
  /** A separate REST client (the simulator's `cti` login) to check what iTop holds. */
  readonly itop: ItopClient;
  readonly intakePort: number;
  /** Moves the companion's clock forward (its timers stay real). */
  advance(ms: number): void;
  /** Resolves with the first pushed payload of `channel` (latest one included) that passes `test`. */
  waitFor<E extends EventChannel>(channel: E, test: (payload: EventPayload<E>) => boolean): Promise<EventPayload<E>>;
  waitForCall(callId: string, test: (call: CallView) => boolean): Promise<CallView>;
  /** Every entry iTop has not confirmed yet is done (or refused). */
  outboxSettled(): Promise<void>;
  stop(): Promise<void>;
}

export interface RigOptions {
  /** Already started; the rig stops it. */
  readonly sim: RigSimulator;
  /** A Support Agent + REST login of the simulator (SIM_USERS.cti). */
  readonly login: { readonly login: string; readonly password: string };
  readonly config?: Record<string, unknown>;
  readonly deps?: Partial<Omit<CompanionDeps, 'config' | 'dataDir' | 'clock'>>;
}

export async function startCompanionRig(options: RigOptions): Promise<CompanionRig> {
  const { sim, login } = options;
  const dataDir = await mkdtemp(join(tmpdir(), 'cti-rig-'));
  const { config } = validateConfig(
    { itop: { url: sim.baseUrl, user: login.login, password: login.password }, cti: { token: RIG_TOKEN }, ...options.config },
    { agentTimeZone: 'Europe/Paris' },
  );
  let offset = 0;
  const clock = { now: () => Date.now() + offset };
  const companion = createCompanion({ config, dataDir, log: silentLog, intakePort: 0, language: 'en', clock, ...options.deps });
  const latest = new Map<EventChannel, unknown>();
  const waiters = new Set<() => void>();
  companion.onEvent((channel, payload) => {
    latest.set(channel, payload);
    for (const w of [...waiters]) w();
  });

  function waitFor<E extends EventChannel>(channel: E, test: (payload: EventPayload<E>) => boolean): Promise<EventPayload<E>> {
    return new Promise((resolve) => {
      const check = (): void => {
        if (!latest.has(channel)) return;
        const payload = latest.get(channel) as EventPayload<E>;
        if (!test(payload)) return;
        waiters.delete(check);
        resolve(payload);
      };
      waiters.add(check);
      check();
    });
  }
  const waitForCall = async (callId: string, test: (call: CallView) => boolean): Promise<CallView> => {
    const snapshot = await waitFor('calls:changed', (s) => s.calls.some((c) => c.callId === callId && test(c)));
    return snapshot.calls.find((c) => c.callId === callId) as CallView;
  };

  const ready = Promise.all([
    waitFor('status:changed', (s) => s.itop.identity !== undefined && s.index.builtAt !== undefined),
    waitFor('outbox:changed', () => true),
  ]);
  await companion.start();
  await ready;
  return {
    sim,
    companion,
    itop: createItopClient({ url: sim.url, auth: { kind: 'password', user: login.login, password: login.password } }),
    intakePort: (await companion.handlers['app:snapshot']()).status.bridge.port,
    advance: (ms) => void (offset += ms),
    waitFor,
    waitForCall,
    outboxSettled: async () => void (await waitFor('outbox:changed', (s) => s.pending === 0)),
    async stop() {
      await companion.stop();
      await sim.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls `settled` once the callers and every list are loaded. */
/** A pending dial whose callee lookup and ticket lists have all answered. */
export const pendingResolved = (p: PendingDialView): boolean => p.callee?.state === 'done' && p.callee.lists.every((l) => l.state !== 'loading');

/** Hands a dial link to the companion and waits until its pending dial satisfies `ready` (resolved by default). */
export async function pendingDialOf(rig: CompanionRig, link: string, ready: (p: PendingDialView) => boolean = pendingResolved): Promise<{ pendingId: string; pending: PendingDialView }> {
  const handled = await rig.companion.handleLink(link);
  if (!handled.ok || handled.value.kind !== 'dial-pending') throw new Error(JSON.stringify(handled));
  const { pendingId } = handled.value.pending;
  const pushed = await rig.waitFor('dial:pending-changed', (list) => list.some((p) => p.pendingId === pendingId && ready(p)));
  return { pendingId, pending: pushed.find((p) => p.pendingId === pendingId) as PendingDialView };
}

export const settled = (c: CallView): boolean => c.callers.state !== 'loading' && c.lists.every((l) => l.state !== 'loading');

/**
 * A bridged dial rig on its own simulator for the enclosing describe: started before its tests, stopped after.
 * Read `rig` and `bridge` inside the tests (they exist once beforeAll has run).
 */
export function bridgedDialRigForSuite(options: { readonly startSim: () => Promise<RigSimulator>; readonly login: RigOptions['login'] }): { readonly rig: CompanionRig; readonly bridge: TestBridge } {
  let started: { rig: CompanionRig; bridge: TestBridge } | undefined;
  beforeAll(async () => {
    started = await startBridgedDialRig({ sim: await options.startSim(), login: options.login });
  });
  afterAll(async () => {
    await started?.bridge.close();
    await started?.rig.stop();
  });
  const get = () => {
    if (!started) throw new Error('the dial rig starts in beforeAll');
    return started;
  };
  return {
    get rig() {
      return get().rig;
    },
    get bridge() {
      return get().bridge;
    },
  };
}

/** A rig that dials through a connected test CTI bridge (national dial strings), as click-to-call tests need. */
export async function startBridgedDialRig(options: Omit<RigOptions, 'config'>): Promise<{ rig: CompanionRig; bridge: TestBridge }> {
  const rig = await startCompanionRig({ ...options, config: { dial: { method: 'bridge', format: 'national' } } });
  const bridge = await connectBridge(`ws://127.0.0.1:${rig.intakePort}/cti`, { headers: { Authorization: `Bearer ${RIG_TOKEN}` } });
  await rig.waitFor('status:changed', (s) => s.bridge.connected === 1);
  return { rig, bridge };
}
