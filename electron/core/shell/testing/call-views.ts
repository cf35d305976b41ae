import type { CallView, CallerMatch, TicketListView } from '../../../../shared/contract/views';

/** A CallView as the core publishes it, with only what a test cares about changed. */
export function callView(over: Partial<CallView> & { callId: string }): CallView {
  return {
    direction: 'inbound',
    state: 'ringing',
    source: 'bridge',
    number: { raw: '+33142000001', kind: 'external', e164: '+33142000001', display: '01 42 00 00 01' },
    startedAt: 1_700_000_000_000,
    callers: { state: 'done', matches: [], label: 'Caller' },
    selection: { kind: 'all' },
    lists: [],
    ...over,
  };
}

export function match(personId: string, name: string, organization?: string, confidence: CallerMatch['confidence'] = 'confirmed'): CallerMatch {
  return { personId, name, ...(organization ? { organization } : {}), phones: [], confidence, display: [name] };
}

export function list(id: string, refs: readonly string[], state: TicketListView['state'] = 'done'): TicketListView {
  return {
    id,
    label: id,
    state,
    tickets: refs.map((ref) => ({ id: ref.replace(/\D/g, ''), class: 'UserRequest', ref, title: ref, status: 'new', fields: {} })),
  };
}
