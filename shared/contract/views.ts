import { z } from 'zod';
import { DialMethod } from './dial';
import { TicketBase, TicketRef } from './tickets';

/**
 * Plain-data views the core pushes to the UI. The core owns the state; the renderer only renders these
 * snapshots and sends intents back (see contract.ts). Everything here must stay JSON-serializable.
 */

export const NumberKind = z.enum(['external', 'internal', 'withheld', 'invalid', 'unfilled-macro']);
export type NumberKind = z.infer<typeof NumberKind>;

export const NumberView = z.object({
  raw: z.string(),
  kind: NumberKind,
  e164: z.string().optional(),
  /** What the agent reads: national form for the home region, international otherwise, or the extension. */
  display: z.string(),
  /** Why a number could not be used (invalid / unfilled macro). */
  problem: z.string().optional(),
});
export type NumberView = z.infer<typeof NumberView>;

export const CallerMatch = z.object({
  personId: z.string(),
  name: z.string(),
  organization: z.string().optional(),
  orgId: z.string().optional(),
  location: z.string().optional(),
  email: z.string().optional(),
  phones: z.array(z.object({ attribute: z.string(), raw: z.string(), display: z.string() })),
  /** confirmed = exact E.164 match; probable = last-digits match only (never logged without the agent confirming). */
  confidence: z.enum(['confirmed', 'probable']),
  matchedAttribute: z.string().optional(),
  /** The stored value that matched, as written in iTop. */
  matchedRaw: z.string().optional(),
  /**
   * How sure the reading of that stored value is: certain = a valid number with a known country (written
   * internationally, or national in the region of the Person's Location / phone.orgRegions).
   */
  certainty: z.enum(['certain', 'uncertain']).optional(),
  /** Why it matched (electron/core/lookup/match-rules.ts). */
  reason: z.enum(['same-number', 'other-reading', 'last-digits-uncertain-stored', 'last-digits-uncertain-received', 'caller-query']).optional(),
  inactive: z.boolean().optional(),
  /** Values of caller_information.display_name, in configured order. */
  display: z.array(z.string()),
});
export type CallerMatch = z.infer<typeof CallerMatch>;

/**
 * Beyond this many matches a number is a shared one (a switchboard or desk number on many Persons): the
 * core selects nobody by default and the panel says why. Shared by core and renderer so both agree.
 */
export const SWITCHBOARD_THRESHOLD = 10;

/**
 * Who "All contacts found" stands for and who may be selected by default: confirmed, active matches.
 * Probable and inactive matches are only offered, labelled, after them (the agent picks them or not).
 */
export const isDefaultCandidate = (m: Pick<CallerMatch, 'confidence' | 'inactive'>): boolean => m.confidence === 'confirmed' && m.inactive !== true;

export const CallerSelection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('unknown') }),
  z.object({ kind: z.literal('person'), personId: z.string() }),
]);
export type CallerSelection = z.infer<typeof CallerSelection>;

export const TicketSummary = TicketBase.extend({
  callerName: z.string().optional(),
  agentName: z.string().optional(),
  /** The requested output fields not shown under a name above (custom columns, status_label…), as text. */
  fields: z.record(z.string(), z.string()),
});
export type TicketSummary = z.infer<typeof TicketSummary>;

export const TicketListView = z.object({
  id: z.string(),
  label: z.string(),
  state: z.enum(['loading', 'done', 'error', 'skipped']),
  tickets: z.array(TicketSummary),
  total: z.number().optional(),
  error: z.string().optional(),
});
export type TicketListView = z.infer<typeof TicketListView>;

/**
 * `direct`: the first enabled direct_creation entry; the UI opens its quick-create form as soon as an inbound
 * call pops. `indirect`: one "Create …" action per enabled indirect_creation class, in configured order.
 */
export const CreationOffer = z.object({
  direct: z.object({ class: z.string() }).optional(),
  indirect: z.array(z.object({ class: z.string(), label: z.string() })),
});
export type CreationOffer = z.infer<typeof CreationOffer>;

export const OutboundCallView = z.object({
  method: DialMethod,
  origin: z.enum(['app', 'deep-link']),
  dialString: z.string(),
  /** sending: handed to the bridge/OS; sent: accepted; failed: never reached the phone system (`error`). */
  dispatch: z.enum(['sending', 'sent', 'failed']),
  error: z.string().optional(),
  /** True once the PBX reported the call: state and duration then come from it. */
  tracked: z.boolean(),
  ticket: TicketRef.extend({ ref: z.string().optional() }).optional(),
  /** The called Person, and their name when the lookup of the number found them. */
  person: z.object({ personId: z.string(), name: z.string().optional() }).optional(),
  /** Set once the outbound PhoneCall (or private-log entry) is queued in the outbox. */
  journal: z.object({ entryId: z.string(), kind: z.enum(['phonecall', 'private-log']) }).optional(),
  /** Why the call will not be logged (no ticket) or could not be queued. */
  journalProblem: z.string().optional(),
});
export type OutboundCallView = z.infer<typeof OutboundCallView>;

export const CallState = z.enum(['ringing', 'answered', 'ended', 'missed', 'dialing', 'failed']);
export type CallState = z.infer<typeof CallState>;

export const CallView = z.object({
  callId: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  state: CallState,
  source: z.string(),
  number: NumberView,
  displayName: z.string().optional(),
  startedAt: z.number(),
  answeredAt: z.number().optional(),
  endedAt: z.number().optional(),
  durationMs: z.number().optional(),
  callers: z.object({
    state: z.enum(['idle', 'loading', 'done', 'error']),
    matches: z.array(CallerMatch),
    label: z.string(),
    error: z.string().optional(),
    /**
     * How many contacts matched in all. `matches` holds the likeliest 50 at most (confirmed first), so a shared
     * switchboard number shows "1,292 contacts share this number" while listing 50.
     */
    total: z.number().int().nonnegative().optional(),
  }),
  selection: CallerSelection,
  /** The chooser exactly as the telephony extension builds it: [All,] each contact…, Unknown (in that order). */
  choices: z.array(CallerSelection).optional(),
  lists: z.array(TicketListView),
  /** Ticket this call is about (click-to-call, deep link). */
  ticket: z.string().optional(),
  /** What can be created from this call (telephony direct_creation / indirect_creation). */
  create: CreationOffer.optional(),
  /** Calls the app placed (click-to-call, dial links): how it was dialed and what it is logged on. */
  outbound: OutboundCallView.optional(),
});
export type CallView = z.infer<typeof CallView>;

export const ConnectionState = z.enum(['demo', 'checking', 'connected', 'unreachable', 'login-refused', 'not-configured']);

/** A number of the demo data to ring with one click (demo mode only): one of each case the panel handles. */
export const DemoCaller = z.object({
  kind: z.enum(['known', 'several', 'switchboard', 'unknown', 'withheld']),
  number: z.string(),
  /** Who it is in the demo data (the known caller), or how many contacts share it. */
  name: z.string().optional(),
  count: z.number().int().optional(),
});
export type DemoCaller = z.infer<typeof DemoCaller>;

export const AppStatus = z.object({
  itop: z.object({
    state: ConnectionState,
    url: z.string(),
    message: z.string().optional(),
    identity: z.object({ personId: z.string(), name: z.string(), organization: z.string().optional() }).optional(),
  }),
  bridge: z.object({ connected: z.number(), port: z.number() }),
  index: z.object({
    persons: z.number(), numbers: z.number(), builtAt: z.number().optional(), building: z.boolean(), error: z.string().optional(),
    /** Where the index came from at start (the agent's disk, or iTop), when iTop last confirmed it, and whether it may be out of date. */
    source: z.enum(['disk', 'itop']).optional(), syncedAt: z.number().optional(), stale: z.boolean().optional(),
  }),
  outbox: z.object({ pending: z.number(), failed: z.number(), lastError: z.string().optional() }),
  /** The way the next click-to-call dials (`dial.method` with `auto` resolved): each call button says it. */
  dialVia: z.lazy(() => DialMethod).optional(), // lazy: dial.ts imports this module too
  /** Demo mode only: numbers of the simulator's demo data, one per case (the Simulate panel rings them). */
  demoCallers: z.array(DemoCaller).optional(),
});
export type AppStatus = z.infer<typeof AppStatus>;

export const HistoryEntry = z.object({
  callId: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  state: CallState,
  number: NumberView,
  name: z.string().optional(),
  startedAt: z.number(),
  durationMs: z.number().optional(),
  /** A missed call stays "open" until the number is called back. */
  missedOpen: z.boolean(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const CallsSnapshot = z.object({ version: z.number(), calls: z.array(CallView) });
export type CallsSnapshot = z.infer<typeof CallsSnapshot>;
