import { describe, expect, it } from 'vitest';
import type { CallEvent } from '../../shared/cti/call-event';
import { createCallIntake } from '../core/intake/call-intake';
import { silentLog } from '../core/intake/log';
import { createLaunchRouter } from '../core/shell/launch-router';
import { installLaunchHandlers, type LaunchApp } from './launch';

/** Electron's `app` as far as launching goes: listeners by event, a lock that another instance may hold. */
function fakeApp(lockFree: boolean) {
  const listeners = new Map<string, (...args: never[]) => void>();
  const calls: string[] = [];
  const app: LaunchApp = {
    requestSingleInstanceLock: () => (calls.push('lock'), lockFree),
    quit: () => void calls.push('quit'),
    on: (event: string, listener: (...args: never[]) => void) => {
      calls.push(`on ${event}`);
      listeners.set(event, listener);
      return app;
    },
  };
  const emit = (event: string, ...args: unknown[]): void => (listeners.get(event) as ((...a: unknown[]) => void) | undefined)?.(...args);
  return { app, calls, emit };
}

function routerWithIntake() {
  const events: CallEvent[] = [];
  const focused: string[] = [];
  const router = createLaunchRouter({ onCall: (id) => void focused.push(id), onDial: () => undefined, onActivate: () => void focused.push('window'), onRefused: () => undefined }, silentLog);
  const intake = createCallIntake({ clock: { now: () => 0 }, dedupeWindowMs: 1000, onEvent: (e) => events.push(e), log: silentLog });
  return { router, intake, events, focused };
}

describe('launch handlers', () => {
  it('take the single-instance lock and listen for open-url and second-instance in the first tick', () => {
    const { app, calls } = fakeApp(true);
    const { router } = routerWithIntake();
    expect(installLaunchHandlers(app, router, ['/opt/app/itop-cti-companion'])).toBe(true);
    expect(calls).toEqual(['lock', 'on open-url', 'on second-instance']);
  });

  it('quit at once when another instance owns the lock (it receives our argv instead)', () => {
    const { app, calls } = fakeApp(false);
    expect(installLaunchHandlers(app, routerWithIntake().router, [])).toBe(false);
    expect(calls).toEqual(['lock', 'quit']);
  });

  it('keep a macOS open-url that fires before ready, and the first launch argv, until the core runs', () => {
    const { app, emit } = fakeApp(true);
    const { router, intake, events, focused } = routerWithIntake();
    installLaunchHandlers(app, router, ['/Applications/iTop CTI Companion.app/Contents/MacOS/iTop CTI Companion', '--call', '0142000001']);
    let prevented = false;
    emit('open-url', { preventDefault: () => (prevented = true) }, 'itop-cti://call?phone=0142000002');
    expect(prevented).toBe(true);
    expect(events).toEqual([]);
    router.attach(intake); // after app.whenReady() and companion.start()
    expect(events.map((e) => e.remoteNumber)).toEqual(['0142000001', '0142000002']);
    expect(focused).toHaveLength(2);
  });

  it('route a second instance started by a Windows/Linux link to the running one', () => {
    const { app, emit } = fakeApp(true);
    const { router, intake, events, focused } = routerWithIntake();
    installLaunchHandlers(app, router, ['/opt/app/itop-cti-companion']);
    router.attach(intake);
    emit('second-instance', {}, ['/opt/app/itop-cti-companion', '--no-sandbox', 'itop-cti://call?phone=%2B33142000003'], '/home/agent');
    emit('second-instance', {}, ['/opt/app/itop-cti-companion'], '/home/agent');
    // The intake tags links found in argv as 'argv' (see report: Windows/Linux deep links arrive this way).
    expect(events.map((e) => [e.remoteNumber, e.source])).toEqual([['+33142000003', 'argv']]);
    expect(focused).toEqual([events[0]?.callId, 'window']);
  });
});
