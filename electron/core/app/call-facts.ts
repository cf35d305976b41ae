import { isDefaultCandidate } from '../../../shared/contract/views';
import { formatDialString, type PhoneOptions } from '../../../shared/phone';
import type { CallSession } from '../calls/call-session';
import type { OutboundCallRecord } from '../dialer';
import type { CallFacts } from '../journal';
import type { Enrichment } from './call-enricher';

/**
 * The callers the journal and the presets may use: the confirmed active matches ("All" stands for them),
 * plus the selected person when it is a probable or inactive one (the agent picked it, or a remembered
 * choice: `confirmedContact` then decides). A probable or inactive match nobody selected never becomes the
 * PhoneCall's contact nor the ticket's caller.
 */
function journalCallers(enrichment: Enrichment): CallFacts['callers'] {
  const { selection } = enrichment;
  const kept = enrichment.callers.matches.filter((m) => isDefaultCandidate(m) || (selection.kind === 'person' && selection.personId === m.personId));
  return kept.map((m) => ({ personId: m.personId, name: m.name, confidence: m.confidence, ...(m.inactive ? { inactive: true } : {}) }));
}

/**
 * The journal and the presets see a call as CallFacts; the companion keeps it as a session (state machine)
 * plus its enrichment (callers, selection). Callers are every match, in lookup order (never the capped list
 * the UI receives), so the extension's "several → the first" rule sees what the lookup returned (minus the untrusted matches).
 */
export function callFactsOf(session: CallSession, enrichment: Enrichment, agentChose: boolean, phone: PhoneOptions): CallFacts {
  const e164 = enrichment.number.e164;
  const national = e164 ? formatDialString(e164, 'national', phone) : undefined;
  return {
    callId: session.callId,
    direction: session.direction,
    number: { raw: session.remoteNumber, display: enrichment.number.display, ...(e164 ? { e164 } : {}), ...(national?.ok ? { national: national.value } : {}) },
    startedAt: session.startedAt,
    ...(session.durationMs !== undefined ? { durationMs: session.durationMs } : {}),
    callers: journalCallers(enrichment),
    selection: enrichment.selection,
    agentChose,
  };
}

/**
 * An outbound call the dialer placed: the called Person is whom the agent chose to call (a click on a
 * person's or a ticket caller's action, or the Person picked when confirming a link), so it is a choice.
 * Without one, the lookup of the dialed number decides, under the same rule as an inbound call.
 */
export function outboundFactsOf(record: OutboundCallRecord, session: CallSession, enrichment: Enrichment | undefined, agentChose: boolean, phone: PhoneOptions): CallFacts {
  const matches = enrichment?.callers.matches ?? [];
  const base: CallFacts = enrichment
    ? callFactsOf(session, enrichment, agentChose, phone)
    : {
        callId: record.callId, direction: 'outbound', number: { raw: record.e164 ?? record.dialString, display: record.number, ...(record.e164 ? { e164: record.e164 } : {}) },
        startedAt: record.startedAt, callers: [], selection: { kind: 'unknown' }, agentChose: false,
      };
  const { durationMs: _sessionDuration, ...rest } = base;
  // The record's duration, not the session's: PBX talk time only when the PBX reported answer and hangup.
  const withDuration: CallFacts = { ...rest, direction: 'outbound', startedAt: record.startedAt, ...(record.durationMs !== undefined ? { durationMs: record.durationMs } : {}) };
  if (!record.personId) return withDuration;
  const known = matches.find((m) => m.personId === record.personId);
  return {
    ...withDuration,
    callers: [{ personId: record.personId, name: known?.name ?? `Person #${record.personId}`, confidence: 'confirmed' }],
    selection: { kind: 'person', personId: record.personId },
    agentChose: true,
  };
}
