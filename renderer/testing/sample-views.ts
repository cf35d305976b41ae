import type { AppStatus, CallerMatch, CallView, HistoryEntry, TicketListView } from '../../shared/contract/views';

/** Plain contract values for store tests (they pass the same zod schemas the hosts use). */
export function sampleCaller(over: Partial<CallerMatch> = {}): CallerMatch {
  return {
    personId: '12',
    name: 'Claude Monet',
    organization: 'Demo',
    email: 'claude.monet@demo.example',
    phones: [{ attribute: 'phone', raw: '+33 1 23 45 67 89', display: '01 23 45 67 89' }],
    confidence: 'confirmed',
    display: ['Claude Monet'],
    ...over,
  };
}

export function sampleList(over: Partial<TicketListView> = {}): TicketListView {
  return { id: 'open', label: 'Open tickets', state: 'done', tickets: [], total: 0, ...over };
}

export function sampleCall(over: Partial<CallView> = {}): CallView {
  return {
    callId: 'c1',
    direction: 'inbound',
    state: 'ringing',
    source: 'bridge',
    number: { raw: '+33123456789', kind: 'external', e164: '+33123456789', display: '01 23 45 67 89' },
    startedAt: 1_700_000_000_000,
    callers: { state: 'done', matches: [sampleCaller()], label: 'Claude Monet' },
    selection: { kind: 'all' },
    lists: [sampleList()],
    ...over,
  };
}

export function sampleStatus(over: Partial<AppStatus> = {}): AppStatus {
  return {
    itop: { state: 'connected', url: 'http://127.0.0.1:8080/itop' },
    bridge: { connected: 1, port: 8765 },
    index: { persons: 10, numbers: 12, building: false },
    outbox: { pending: 0, failed: 0 },
    ...over,
  };
}

export function sampleHistory(over: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    callId: 'h1',
    direction: 'inbound',
    state: 'missed',
    number: { raw: '+33123456789', kind: 'external', e164: '+33123456789', display: '01 23 45 67 89' },
    startedAt: 1_700_000_000_000,
    missedOpen: true,
    ...over,
  };
}
