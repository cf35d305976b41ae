import { z } from 'zod';
import { TicketRef } from './tickets';
import { CallerMatch, CallerSelection, CreationOffer, TicketListView } from './views';

/**
 * Outbound calls (issue 6): channels the lead merges into contract.ts. Args are tuples, as in contract.ts.
 * Numbers arrive raw (as typed, as stored in iTop); the core normalizes and builds the dial string.
 */
export const DialMethod = z.enum(['bridge', 'url', 'os']);
export type DialMethod = z.infer<typeof DialMethod>;

const PersonId = z.string().regex(/^\d{1,12}$/, 'personId must be an iTop id (digits)');
const RawNumber = z.string().trim().min(1, 'number must not be empty').max(100, 'number is longer than 100 characters');

export const DialStart = z.object({
  number: RawNumber,
  ticket: TicketRef.optional(),
  personId: PersonId.optional(),
  /** The call action clicked (`phone`, `mobile_phone`, `legacy`): picks the URL parameters of the "url" method. */
  action: z.string().max(64).optional(),
});
export type DialStart = z.infer<typeof DialStart>;

export const DialStarted = z.object({
  callId: z.string(),
  method: DialMethod,
  dialString: z.string(),
  /** What the agent reads ("01 23 45 67 89"). */
  display: z.string(),
  e164: z.string().optional(),
});
export type DialStarted = z.infer<typeof DialStarted>;

export const CallActionView = z.object({
  name: z.string(),
  icon: z.string(),
  attribute: z.string(),
  raw: z.string(),
  display: z.string(),
  e164: z.string().optional(),
  /** Absent when the stored value cannot be dialed; `problem` says why (show the action disabled). */
  dialString: z.string().optional(),
  problem: z.string().optional(),
});
export type CallActionView = z.infer<typeof CallActionView>;

export const TicketCallActions = z.object({
  ticket: TicketRef,
  /** The ticket's caller; absent when the ticket has none (then there is nothing to call). */
  callee: z.object({ personId: z.string(), name: z.string() }).optional(),
  /** Actions with an empty attribute are already left out. */
  actions: z.array(CallActionView),
});
export type TicketCallActions = z.infer<typeof TicketCallActions>;

/**
 * Who a deep-link dial calls, found with the inbound lookup, and their open tickets (display_tickets lists).
 * Lazy because views.ts imports DialMethod from here: the schemas are only read once both modules loaded.
 */
export const PendingCallee = z.lazy(() =>
  z.object({
    state: z.enum(['loading', 'done', 'error']),
    matches: z.array(CallerMatch),
    /** The person the call is logged with when the agent does not pick: the only (or default) match. */
    personId: z.string().optional(),
    lists: z.array(TicketListView),
    error: z.string().optional(),
    /** Whom the dial calls, chosen as for an inbound call: the default until the agent picks (dial:choose-callee). */
    selection: CallerSelection.optional(),
    /** The inbound chooser's entries for these matches ([All,] each contact…, Unknown). */
    choices: z.array(CallerSelection).optional(),
    /** How many persons matched in all (a switchboard number lists only the likeliest). */
    total: z.number().int().nonnegative().optional(),
    /** True once the agent picked an entry: the PhoneCall's contact is then that person, even a probable one. */
    chosen: z.boolean().optional(),
  }),
);
export type PendingCallee = z.infer<typeof PendingCallee>;

export const PendingDialView = z.object({
  pendingId: z.string(),
  number: z.string(),
  display: z.string(),
  e164: z.string().optional(),
  dialString: z.string().optional(),
  /** Why this number cannot be dialed as it is (the agent can only reject it). */
  problem: z.string().optional(),
  /** Ticket the link named (id or ref) and, when iTop knows it, the ticket itself. */
  ticketHint: z.string().optional(),
  ticket: TicketRef.extend({ ref: z.string().optional() }).optional(),
  /** No usable ticket came with the link: show the callee's open tickets and let the agent pick (or create) one. */
  needsTicket: z.boolean(),
  /** What asked for the call: a link (default) or the dial shortcut (a selected or copied number). */
  via: z.enum(['link', 'shortcut']).optional(),
  /**
   * The link's ticket while iTop has not said what it is: being asked, or iTop could not be reached. Either way
   * the call can be placed at once; it is logged on that ticket when iTop answers (never a reason to wait).
   */
  ticketStatus: z.enum(['resolving', 'unreachable']).optional(),
  /** Absent until the lookup of a dialable number started; pushed again (dial:pending-changed) as it resolves. */
  callee: PendingCallee.optional(),
  /** What the agent may create for a dial without a ticket (the call panel's quick-create classes). */
  create: z.lazy(() => CreationOffer).optional(),
  receivedAt: z.number(),
});
export type PendingDialView = z.infer<typeof PendingDialView>;

export const DialConfirm = z.object({
  pendingId: z.string().min(1).max(100),
  /** The ticket the call is logged on; null = call without logging on a ticket. Absent = the link's ticket. */
  ticket: TicketRef.nullable().optional(),
  personId: PersonId.optional(),
});
export type DialConfirm = z.infer<typeof DialConfirm>;

/**
 * The dial shortcut (issue 17 §1). registered: system-wide (desktop); in-page: only while the app's page has
 * the focus (web mode, or desktop when the system refused it); refused: another application owns it;
 * invalid: the configured text is not a shortcut; off: dial.shortcut is empty.
 */
export const DialShortcutStatus = z.object({
  accelerator: z.string(),
  state: z.enum(['registered', 'in-page', 'refused', 'invalid', 'off']),
  message: z.string().optional(),
  /** The agent opted in to dial the shortcut's number without confirming (dial.shortcutDialsAtOnce). */
  dialsAtOnce: z.boolean(),
});
export type DialShortcutStatus = z.infer<typeof DialShortcutStatus>;

/** What the shortcut did with the selected or copied text: queued for confirmation, or dialed at once. */
export const DialTextOutcome = z.object({ kind: z.enum(['pending', 'started']), display: z.string() });

export const dialInvokeContract = {
  'dial:start': { args: z.tuple([DialStart]), result: DialStarted },
  'dial:actions': { args: z.tuple([z.object({ ticket: TicketRef })]), result: TicketCallActions },
  'dial:person-actions': { args: z.tuple([z.object({ personId: PersonId })]), result: z.array(CallActionView) },
  'dial:pending': { args: z.tuple([]), result: z.array(PendingDialView) },
  'dial:confirm': { args: z.tuple([DialConfirm]), result: DialStarted },
  /** The agent picks whom a pending dial calls (one of callee.choices); the tickets offered follow. */
  'dial:choose-callee': { args: z.tuple([z.object({ pendingId: z.string().min(1).max(100), selection: z.lazy(() => CallerSelection) })]), result: z.null() },
  /** The dial shortcut's text (a selection or the clipboard): its number goes through the pending-dial flow. */
  'dial:text': { args: z.tuple([z.object({ text: z.string().max(10_000) })]), result: DialTextOutcome },
  'dial:shortcut-status': { args: z.tuple([]), result: DialShortcutStatus },
  'dial:reject': { args: z.tuple([z.object({ pendingId: z.string().min(1).max(100) })]), result: z.null() },
} as const;

export const dialEventContract = {
  /** Pushed whenever a deep-link dial waits for the agent, or stops waiting. */
  'dial:pending-changed': z.array(PendingDialView),
} as const;
