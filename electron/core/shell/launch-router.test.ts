import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallEvent } from '../../../shared/cti/call-event';
import type { DialIntent } from '../../../shared/cti/intents';
import { createCallIntake } from '../intake/call-intake';
import { silentLog } from '../intake/log';
import { createLaunchRouter, MAX_QUEUED_LAUNCHES } from './launch-router';

function setup() {
  const events: CallEvent[] = [];
  const seen: string[] = [];
  let n = 0;
  const intake = createCallIntake({ clock: { now: () => 1_700_000_000_000 }, dedupeWindowMs: 5000, onEvent: (e) => events.push(e), log: silentLog, newCallId: () => `id-${++n}` });
  const dials: DialIntent[] = [];
  const router = createLaunchRouter(
    {
      onCall: (callId) => seen.push(`call ${callId}`),
      onDial: (intent) => void dials.push(intent),
      onActivate: () => seen.push('activate'),
      onRefused: (error) => seen.push(`refused ${error.code}`),
    },
    silentLog,
  );
  return { router, intake, events, seen, dials };
}

describe('launch router', () => {
  it('queues an open-url that arrives before the core runs, then delivers it', () => {
    const { router, intake, events, seen } = setup();
    router.openUrl('itop-cti://call?phone=%2B33142000001&name=Ada');
    expect(events).toHaveLength(0);
    expect(router.pending()).toBe(1);
    router.attach(intake);
    expect(events).toMatchObject([{ kind: 'ringing', remoteNumber: '+33142000001', displayName: 'Ada', source: 'deep-link' }]);
    expect(seen).toEqual(['call id-1']);
    expect(router.pending()).toBe(0);
  });

  it('reads links and --call from second-instance argv (Windows/Linux), ignoring Chromium switches', () => {
    const { router, intake, events, seen } = setup();
    router.attach(intake);
    router.argv(['C:\\Program Files\\iTop CTI\\iTop CTI Companion.exe', '--allow-file-access-from-files', 'itop-cti://call?phone=0142000001'], 'second-instance');
    router.argv(['/opt/itop-cti/itop-cti-companion', '--call', '+44 20 7946 0000', '--name', 'Bob'], 'second-instance');
    expect(events.map((e) => [e.remoteNumber, e.source])).toEqual([['0142000001', 'argv'], ['+44 20 7946 0000', 'argv']]);
    expect(seen).toEqual(['call id-1', 'call id-2']);
  });

  it('shows the app when started again without a call, and not on the first launch', () => {
    const { router, intake, seen } = setup();
    router.argv(['/usr/bin/electron', '.'], 'first-launch');
    router.attach(intake);
    router.argv(['/opt/app/itop-cti-companion', '--hidden'], 'second-instance');
    expect(seen).toEqual(['activate']);
  });

  it('passes dial links to the dialer and reports refused input', () => {
    const { router, intake, seen, dials } = setup();
    router.attach(intake);
    router.openUrl('tel:+33142000001');
    router.openUrl('itop-cti://call?phone=%CallerNumber%');
    router.openUrl('https://evil.example/');
    expect(dials).toEqual([{ kind: 'dial', number: '+33142000001' }]);
    expect(seen).toEqual(['refused unfilled-macro', 'refused deep-link-unsupported-scheme']);
  });

  it('keeps at most MAX_QUEUED_LAUNCHES inputs before start, dropping the oldest', () => {
    const { router, intake, events } = setup();
    for (let i = 0; i < MAX_QUEUED_LAUNCHES + 5; i += 1) router.openUrl(`itop-cti://call?phone=01420000${String(i).padStart(2, '0')}`);
    router.attach(intake);
    expect(events).toHaveLength(MAX_QUEUED_LAUNCHES);
    expect(events[0]?.remoteNumber).toBe('0142000005');
  });

  it('answers every argv and URL with exactly one reaction or none, and never throws (fuzz)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('--call', '-c', '--dial', '--name', '--', 'itop-cti://call?phone=1', 'tel:', '+3314')), { maxLength: 12 }), fc.string(), (argv, url) => {
        const { router, intake, seen, dials } = setup();
        router.attach(intake);
        router.argv(argv, 'second-instance');
        router.openUrl(url);
        expect(seen.length + dials.length).toBeLessThanOrEqual(2);
        expect(seen.length + dials.length).toBeGreaterThanOrEqual(1); // the second-instance argv always answers
      }),
    );
  });
});
