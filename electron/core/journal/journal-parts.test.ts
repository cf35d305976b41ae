import { describe, expect, it } from 'vitest';
import { AppConfigSchema } from '../../../shared/config';
import { confirmedContact, presetCaller, type CallFacts } from './call-facts';
import { formatDuration, formatItopDate } from './itop-date';
import { buildPhoneCallFields } from './phone-call-fields';

const base: CallFacts = {
  callId: 'c', direction: 'inbound', number: { raw: '0601020304', e164: '+33601020304', display: '06 01 02 03 04' }, startedAt: Date.UTC(2026, 6, 1, 22, 5, 9),
  callers: [
    { personId: '7', name: 'Ann', confidence: 'confirmed' },
    { personId: '9', name: 'Bob', confidence: 'probable' },
  ],
  selection: { kind: 'all' }, agentChose: false,
};

describe('dates in the iTop server time zone', () => {
  it('converts the instant to the server wall clock, crossing midnight', () => {
    expect(formatItopDate(base.startedAt, 'Europe/Paris')).toBe('2026-07-02 00:05:09');
    expect(formatItopDate(base.startedAt, 'America/New_York')).toBe('2026-07-01 18:05:09');
    expect(formatItopDate(base.startedAt, 'UTC')).toBe('2026-07-01 22:05:09');
  });
  it('formats durations for people', () => {
    expect([formatDuration(42_000), formatDuration(185_000), formatDuration(3_723_000)]).toEqual(['42 s', '3 min 05 s', '1 h 02 min 03 s']);
  });
});

describe('which caller', () => {
  it('presets follow the extension: several → the first, unless the agent chose', () => {
    expect(presetCaller(base)?.personId).toBe('7');
    expect(presetCaller({ ...base, selection: { kind: 'person', personId: '9' }, agentChose: true })?.personId).toBe('9');
    expect(presetCaller({ ...base, selection: { kind: 'unknown' }, agentChose: true })).toBeUndefined();
  });
  it('the PhoneCall contact is only a confirmed caller', () => {
    expect(confirmedContact(base)).toBeUndefined(); // several, nobody chosen
    const single = { ...base, callers: [base.callers[1]!], selection: { kind: 'person' as const, personId: '9' } };
    expect(confirmedContact(single)).toBeUndefined(); // probable match only
    expect(confirmedContact({ ...single, agentChose: true })?.personId).toBe('9');
    expect(confirmedContact({ ...single, callers: [base.callers[0]!], selection: { kind: 'person', personId: '7' } })?.personId).toBe('7');
  });
  it('uses the configured class field codes and leaves the contact out when unsure', () => {
    const journal = AppConfigSchema.parse({ journal: { fields: { note: 'description', flow: 'direction' } } }).journal;
    const fields = buildPhoneCallFields(journal, { call: base, agent: 40, ticket: 5, wrapUp: ' ok ', timeZone: 'UTC' });
    expect(fields).toEqual({ ticket_id: 5, agent_id: 40, date: '2026-07-01 22:05:09', direction: 'inbound', description: 'Inbound call from +33601020304.\nok' });
  });
});
