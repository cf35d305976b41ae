import { describe, expect, it } from 'vitest';
import type { CallEvent } from '../../../shared/cti/call-event';
import { createCallIntake, type IntakeError } from './call-intake';
import { silentLog } from './log';

function setup() {
  const events: CallEvent[] = [];
  const errors: IntakeError[] = [];
  let ids = 0;
  const intake = createCallIntake({
    clock: { now: () => 42 },
    dedupeWindowMs: 4000,
    onEvent: (e) => events.push(e),
    onIntakeError: (e) => errors.push(e),
    log: silentLog,
    newCallId: () => `id-${++ids}`,
  });
  return { intake, events, errors };
}

describe('createCallIntake', () => {
  it('turns an itop-cti://call link into a ringing event and a repeat into a duplicate', () => {
    const { intake, events } = setup();
    expect(intake.acceptDeepLink('itop-cti://call?phone=%2B331234&name=Jo')).toMatchObject({ ok: true, value: { kind: 'call', duplicate: false } });
    expect(intake.acceptArgv(['exe', '--call', '+33 1234'])).toMatchObject({ ok: true, value: { kind: 'call', duplicate: true, event: { callId: 'id-1' } } });
    expect(events).toEqual([
      { kind: 'ringing', callId: 'id-1', direction: 'inbound', remoteNumber: '+331234', localNumber: '', displayName: 'Jo', at: 42, source: 'deep-link', withheld: false },
    ]);
  });

  it('returns dial links to the caller instead of emitting an event', () => {
    const { intake, events } = setup();
    expect(intake.acceptDeepLink('tel:+331234')).toEqual({ ok: true, value: { kind: 'dial', intent: { kind: 'dial', number: '+331234' } } });
    expect(intake.acceptArgv(['exe'])).toEqual({ ok: true, value: { kind: 'none' } });
    expect(events).toEqual([]);
  });

  it('reports refused input with its source', () => {
    const { intake, errors } = setup();
    expect(intake.acceptDeepLink('https://x')).toMatchObject({ ok: false });
    expect(intake.acceptArgv(['exe', '--call'])).toMatchObject({ ok: false });
    expect(errors.map((e) => [e.source, e.code])).toEqual([
      ['deep-link', 'deep-link-unsupported-scheme'],
      ['argv', 'argv-missing-value'],
    ]);
  });

  it('survives a throwing consumer', () => {
    const intake = createCallIntake({
      clock: { now: () => 0 },
      dedupeWindowMs: 0,
      onEvent: () => {
        throw new Error('boom');
      },
      log: silentLog,
    });
    expect(intake.acceptBridgeEvent({ event: 'ringing', callId: 'x', from: '1', to: '' }, 'bridge')).toMatchObject({ ok: true });
  });
});
