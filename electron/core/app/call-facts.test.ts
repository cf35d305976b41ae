import { describe, expect, it } from 'vitest';
import { DEFAULT_PHONE_OPTIONS } from '../../../shared/phone';
import type { CallSession } from '../calls/call-session';
import type { OutboundCallRecord } from '../dialer';
import { confirmedContact } from '../journal';
import type { Enrichment } from './call-enricher';
import { callFactsOf, outboundFactsOf } from './call-facts';
import { creationOffer, humanClassName } from './creation-offer';
import { AppConfigSchema } from '../../../shared/config';

const session: CallSession = {
  callId: 'c1', direction: 'outbound', state: 'ended', remoteNumber: '+33123456789', localNumber: '', withheld: false, source: 'app',
  startedAt: 1000, answeredAt: 2000, endedAt: 12_000, durationMs: 10_000, details: {},
};
const enrichment: Enrichment = {
  number: { raw: '+33123456789', kind: 'external', e164: '+33123456789', display: '01 23 45 67 89' },
  callers: {
    state: 'done', label: 'x',
    matches: [
      { personId: '7', name: 'Ann', phones: [], confidence: 'confirmed', display: [] },
      { personId: '42', name: 'Camille', phones: [], confidence: 'probable', display: [] },
    ],
  },
  selection: { kind: 'all' }, choices: [], lists: [],
};
const record: OutboundCallRecord = { callId: 'c1', flow: 'outbound', number: '01 23 45 67 89', e164: '+33123456789', dialString: '0123456789', startedAt: 1000, outcome: 'unknown' };

describe('call facts for the journal', () => {
  it('an inbound call keeps the confirmed active matches in lookup order, the national number and whether the agent chose', () => {
    const facts = callFactsOf({ ...session, direction: 'inbound' }, enrichment, false, DEFAULT_PHONE_OPTIONS);
    expect(facts).toMatchObject({ number: { raw: '+33123456789', e164: '+33123456789', national: '0123456789', display: '01 23 45 67 89' }, durationMs: 10_000, agentChose: false });
    // The probable match nobody selected is not a caller the journal may use; "All" over one confirmed = that person.
    expect(facts.callers.map((c) => c.personId)).toEqual(['7']);
    expect(confirmedContact(facts)).toEqual({ personId: '7', name: 'Ann', confidence: 'confirmed' });
  });

  it('the PhoneCall contact is the confirmed person the selection resolves to, or the person the agent picked', () => {
    const withMatches = (matches: Enrichment['callers']['matches'], selection: Enrichment['selection']): Enrichment => ({ ...enrichment, callers: { ...enrichment.callers, matches }, selection });
    const ann = { personId: '7', name: 'Ann', phones: [], confidence: 'confirmed' as const, display: [] };
    const bob = { ...ann, personId: '8', name: 'Bob' };
    const camille = { ...ann, personId: '42', name: 'Camille', confidence: 'probable' as const };
    const olivia = { ...ann, personId: '74', name: 'Olivia', inactive: true };
    const contact = (e: Enrichment, chose: boolean) => confirmedContact(callFactsOf({ ...session, direction: 'inbound' }, e, chose, DEFAULT_PHONE_OPTIONS))?.personId;
    // Default: the single confirmed person, even with a probable one around.
    expect(contact(withMatches([ann, camille], { kind: 'person', personId: '7' }), false)).toBe('7');
    // "All" over two confirmed persons: nobody (a guess), unless the agent picks one.
    expect(contact(withMatches([ann, bob, camille], { kind: 'all' }), false)).toBeUndefined();
    expect(contact(withMatches([ann, bob, camille], { kind: 'person', personId: '8' }), true)).toBe('8');
    // A probable or inactive person only when the agent picked it, never from a remembered choice alone.
    expect(contact(withMatches([ann, camille], { kind: 'person', personId: '42' }), false)).toBeUndefined();
    expect(contact(withMatches([ann, camille], { kind: 'person', personId: '42' }), true)).toBe('42');
    expect(contact(withMatches([olivia], { kind: 'person', personId: '74' }), false)).toBeUndefined();
    expect(contact(withMatches([olivia], { kind: 'person', personId: '74' }), true)).toBe('74');
  });

  it('an outbound call is for the Person the agent called (even a probable match), with the record\'s duration only', () => {
    const facts = outboundFactsOf({ ...record, personId: '42' }, session, enrichment, false, DEFAULT_PHONE_OPTIONS);
    expect(facts.durationMs).toBeUndefined();
    expect(confirmedContact(facts)).toEqual({ personId: '42', name: 'Camille', confidence: 'confirmed' });
    const answered = outboundFactsOf({ ...record, durationMs: 10_000, outcome: 'answered' }, session, undefined, false, DEFAULT_PHONE_OPTIONS);
    expect(answered).toMatchObject({ direction: 'outbound', durationMs: 10_000, callers: [], selection: { kind: 'unknown' } });
  });
});

describe('creation offered on a call', () => {
  it('opens the first enabled direct entry only for inbound calls, and lists the indirect ones in order', () => {
    const telephony = AppConfigSchema.parse({ telephony: { direct_creation: { Incident: { enabled: false }, UserRequest: { enabled: true } } } }).telephony;
    expect(creationOffer(telephony, 'inbound')).toEqual({ direct: { class: 'UserRequest' }, indirect: [{ class: 'UserRequest', label: 'Create User Request' }, { class: 'Person', label: 'Create Person' }] });
    expect(creationOffer(telephony, 'outbound').direct).toBeUndefined();
    expect(humanClassName('lnkContactToTicket')).toBe('lnk Contact To Ticket');
  });
});
