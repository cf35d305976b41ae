import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DialConfirm, type DialStarted, type PendingCallee, type PendingDialView } from '../../../shared/contract/dial';
import { TicketRef } from '../../../shared/contract/tickets';
import type { CallerSelection, CreationOffer } from '../../../shared/contract/views';
import type { CallEvent } from '../../../shared/cti/call-event';
import { needsConfirmation, prepareNumber, readDialLink, resolveDialMethod } from '../../../shared/dial';
import type { DialMethod } from '../../../shared/contract/dial';
import { fail, ok, type Result } from '../../../shared/result';
import type { CallSessions } from '../calls/call-sessions';
import type { Log } from '../intake/log';
import { calleeContact, type CalleeChoice } from './callee-choice';
import { dispatchDial, type DialConfigView, type DispatchPorts } from './dispatch';
import { createOutboundCorrelator } from './outbound-correlator';
import { OUTBOUND_DETAILS_KEY, outboundDetailsOf, type OutboundDetails } from './outbound-details';
import { createPendingDials } from './pending-dials';

/** A dial request from the UI (origin app) or from a link (origin deep-link), validated here: links are untrusted. */
export const DialRequest = z.object({
  number: z.string().max(100, 'the number is longer than 100 characters'),
  ticket: TicketRef.optional(),
  /** Ticket id or ref as a link named it; resolved through iTop before the call is logged on it. */
  ticketHint: z.string().max(64).optional(),
  personId: z.string().regex(/^\d{1,12}$/).optional(),
  action: z.string().max(64).optional(),
  attributes: z.record(z.string().max(64), z.string().max(500)).optional(),
  source: z.enum(['app', 'deep-link']),
  /** A deep-link dial that came from the dial shortcut rather than a link (the panel says which). */
  via: z.enum(['link', 'shortcut']).optional(),
});
export type DialRequest = z.input<typeof DialRequest>;

export type DialOutcome = { readonly kind: 'started'; readonly started: DialStarted } | { readonly kind: 'pending'; readonly pending: PendingDialView };

type ResolvedTicket = TicketRef & { ref?: string };

export interface DialerDeps extends DispatchPorts {
  /** The current settings (a function, so a settings change applies to the next dial). */
  config: DialConfigView | (() => DialConfigView);
  /** Where the outbound session lives (the companion passes its ingesting wrapper around CallSessions). */
  sessions: Pick<CallSessions, 'apply' | 'patch' | 'get'>;
  clock: { now(): number };
  log: Log;
  /** Whether a CTI bridge is connected now (`dial.method: auto` dials through it then); default: none. */
  bridgeConnected?: () => boolean;
  /** Ticket id/ref from a link → the ticket (core/get); without it a link's ticket must be chosen by the agent. */
  resolveTicket?: (hint: string) => Promise<Result<ResolvedTicket>>;
  /**
   * Finds who a pending dial calls and their open tickets (the inbound lookup), reporting each step through
   * `onChange`; without it the agent can only pick a ticket already on screen or type one.
   */
  findCallee?: (number: string, key: string, onChange: (callee: PendingCallee) => void) => CalleeChoice | undefined;
  /** What a pending dial without a ticket may create (the call panel's quick-create classes). */
  createOffer?: () => CreationOffer | undefined;
  newId?: () => string;
  /** How far apart a dial and the bridge's report of it may be; default 2 minutes. */
  correlationWindowMs?: number;
  pendingTtlMs?: number;
  maxPending?: number;
}

export interface Dialer {
  /** Origin app: dials at once. Origin deep-link: queued for the agent's confirmation. */
  dial(request: DialRequest): Promise<Result<DialOutcome>>;
  /** An `itop-cti://dial`, `tel:`, `callto:` or `sip:` link → a pending dial. */
  handleLink(url: string): Promise<Result<DialOutcome>>;
  pending(): PendingDialView[];
  confirm(choice: z.input<typeof DialConfirm>): Promise<Result<DialStarted>>;
  reject(pendingId: string): Result<null>;
  /** The agent picks whom a pending dial calls: one of the inbound chooser's entries for its matches. */
  chooseCallee(pendingId: string, selection: CallerSelection): Result<null>;
  /** A ticket the agent created for a pending dial: the call is logged on it once confirmed. */
  attachTicket(pendingId: string, ticket: TicketRef & { ref?: string }): Result<null>;
  onPendingChange(listener: (pending: PendingDialView[]) => void): () => void;
  /** Pass every intake event through this before the call sessions: bridge reports of our dials get our call id. */
  routeEvent(event: CallEvent): CallEvent;
  /** The way the next dial goes (`auto` resolved against the bridge connection and the configured URL). */
  method(): DialMethod;
}

export function createDialer(deps: DialerDeps): Dialer {
  const config = typeof deps.config === 'function' ? deps.config : () => deps.config as DialConfigView;
  const newId = deps.newId ?? (() => randomUUID());
  const method = (cfg: DialConfigView = config()): DialMethod =>
    resolveDialMethod(cfg.dial.method, { bridgeConnected: deps.bridgeConnected?.() ?? false, urlConfigured: Boolean(cfg.telephony.ecall_parameters) });
  const correlator = createOutboundCorrelator({ windowMs: deps.correlationWindowMs ?? 120_000 });
  const pendingDials = createPendingDials({
    clock: deps.clock,
    newId,
    ...(deps.pendingTtlMs !== undefined ? { ttlMs: deps.pendingTtlMs } : {}),
    ...(deps.maxPending !== undefined ? { max: deps.maxPending } : {}),
    onError: (error) => deps.log.warn('pending dial listener failed', { error: String(error) }),
  });
  // One chooser per pending dial whose callee is being looked up; dropped with the dial.
  const calleeChoices = new Map<string, CalleeChoice>();
  pendingDials.subscribe((list) => {
    const live = new Set(list.map((p) => p.pendingId));
    for (const id of [...calleeChoices.keys()]) if (!live.has(id)) calleeChoices.delete(id);
  });

  function updateOutbound(callId: string, change: Partial<OutboundDetails>): void {
    const current = outboundDetailsOf(deps.sessions.get(callId)?.details ?? {});
    if (!current) return;
    const patched = deps.sessions.patch(callId, { details: { [OUTBOUND_DETAILS_KEY]: { ...current, ...change } } });
    if (!patched.ok) deps.log.warn('outbound call details not saved', { callId, error: patched.error.message });
  }

  async function start(request: z.output<typeof DialRequest>, ticket: ResolvedTicket | undefined): Promise<Result<DialStarted>> {
    const cfg = config();
    const via = method(cfg);
    const prepared = prepareNumber(request.number, cfg.dial.format, cfg.phone);
    if (!prepared.ok) return prepared;
    const number = prepared.value;
    const callId = `dial-${newId()}`;
    const now = deps.clock.now();
    const ticketText = ticket?.ref ?? request.ticketHint ?? (ticket ? `${ticket.class}::${ticket.id}` : undefined);
    correlator.expect({ callId, numbers: [number.dialString, ...(number.e164 ? [number.e164] : [])], at: now });
    deps.sessions.apply({
      kind: 'outgoing', callId, direction: 'outbound', remoteNumber: number.e164 ?? number.dialString, localNumber: '', at: now, source: request.source,
      ...(ticketText ? { ticket: ticketText } : {}),
    });
    const details: OutboundDetails = {
      method: via, origin: request.source, display: number.display, dialString: number.dialString,
      ...(number.e164 ? { e164: number.e164 } : {}),
      ...(ticket ? { ticket: { class: ticket.class, id: ticket.id } } : request.ticketHint ? { ticketHint: request.ticketHint } : {}),
      ...(request.personId ? { personId: request.personId } : {}),
      dispatch: 'sending', tracked: false,
    };
    // Written before dispatching: a bridge may report the call before it answers the command (routeEvent
    // then marks it tracked), and later updates merge into what is there.
    deps.sessions.patch(callId, { details: { [OUTBOUND_DETAILS_KEY]: details } });

    const sent = await dispatchDial(via, cfg, {
      number,
      ...(ticketText && ticketText.length <= 64 ? { ticket: ticket?.id ?? ticketText } : {}),
      ...(request.action ? { action: request.action } : {}),
      ...(request.attributes ? { attributes: request.attributes } : {}),
    }, deps);
    if (!sent.ok) {
      deps.log.warn('dial failed', { callId, method: via, code: sent.error.code, error: sent.error.message });
      correlator.forget(callId);
      updateOutbound(callId, { dispatch: 'failed', error: sent.error.message });
      deps.sessions.apply({ kind: 'hangup', callId, direction: 'outbound', remoteNumber: '', localNumber: '', at: deps.clock.now(), source: request.source, cause: sent.error.code });
      return sent;
    }
    if (sent.value.requestId) correlator.setRequestId(callId, sent.value.requestId);
    updateOutbound(callId, { dispatch: 'sent' });
    deps.log.info('dialing', { callId, method: via, dialString: number.dialString });
    return ok({ callId, method: via, dialString: number.dialString, display: number.display, ...(number.e164 ? { e164: number.e164 } : {}) });
  }

  function queue(request: z.output<typeof DialRequest>): Result<DialOutcome> {
    const cfg = config();
    const prepared = prepareNumber(request.number, cfg.dial.format, cfg.phone);
    const number = prepared.ok
      ? { display: prepared.value.display, dialString: prepared.value.dialString, ...(prepared.value.e164 ? { e164: prepared.value.e164 } : {}) }
      : { display: request.number.trim(), problem: prepared.error.message };
    const offer = deps.createOffer?.();
    const pending = pendingDials.add({
      number: request.number.trim(), ...number,
      ...(offer && offer.indirect.length > 0 ? { create: offer } : {}),
      ...(request.via === 'shortcut' ? { via: 'shortcut' as const } : {}),
      ...(request.ticketHint ? { ticketHint: request.ticketHint } : {}),
      ...(request.ticket ? { ticket: request.ticket } : {}),
      needsTicket: !request.ticket && !(request.ticketHint && deps.resolveTicket),
      ...(!request.ticket && request.ticketHint && deps.resolveTicket ? { ticketStatus: 'resolving' as const } : {}),
    });
    if (!request.ticket && request.ticketHint && deps.resolveTicket) {
      void deps.resolveTicket(request.ticketHint).then(
        (resolved) => {
          if (!resolved.ok && resolved.error.code === 'dial.ticket-unreachable') pendingDials.ticketUnreachable(pending.pendingId);
          else pendingDials.resolveTicket(pending.pendingId, resolved.ok ? resolved.value : undefined);
        },
        (error: unknown) => {
          deps.log.warn('ticket of a dial link not resolved', { error: String(error) });
          pendingDials.ticketUnreachable(pending.pendingId);
        },
      );
    }
    if (prepared.ok && deps.findCallee) {
      try {
        const choice = deps.findCallee(request.number, `dial:${pending.pendingId}`, (callee) => pendingDials.setCallee(pending.pendingId, callee));
        if (choice && pendingDials.list().some((p) => p.pendingId === pending.pendingId)) calleeChoices.set(pending.pendingId, choice);
      } catch (error) {
        deps.log.warn('callee of a dial link not looked up', { error: String(error) });
      }
    }
    return ok({ kind: 'pending', pending: pendingDials.list().find((p) => p.pendingId === pending.pendingId) ?? pending });
  }

  async function dial(input: DialRequest): Promise<Result<DialOutcome>> {
    const parsed = DialRequest.safeParse(input);
    if (!parsed.success) return fail('dial.invalid-request', `Dial request is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(request)'}: ${i.message}`).join('; ')}`);
    if (needsConfirmation(parsed.data.source)) return queue(parsed.data);
    const started = await start(parsed.data, parsed.data.ticket);
    return started.ok ? ok({ kind: 'started', started: started.value }) : started;
  }

  return {
    dial,
    async handleLink(url) {
      const link = readDialLink(url);
      if (!link.ok) return link;
      return dial({ number: link.value.number, ...(link.value.ticket ? { ticketHint: link.value.ticket } : {}), source: 'deep-link' });
    },
    pending: () => pendingDials.list(),
    async confirm(choice) {
      const parsed = DialConfirm.safeParse(choice);
      if (!parsed.success) return fail('dial.invalid-request', `Confirmation is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(request)'}: ${i.message}`).join('; ')}`);
      const pending = pendingDials.list().find((p) => p.pendingId === parsed.data.pendingId);
      if (!pending) return fail('dial.pending-unknown', `No dial ${parsed.data.pendingId} is waiting for confirmation (already handled or expired)`);
      if (pending.problem) return fail('dial.invalid-number', pending.problem);
      let ticket: ResolvedTicket | undefined = parsed.data.ticket ?? undefined;
      // Never waits on iTop: a link's ticket iTop has not resolved yet (or cannot be reached for) goes with the
      // call by its ref, and iTop resolves it when the PhoneCall is sent. Only "no such ticket" asks for a choice.
      if (parsed.data.ticket === undefined) {
        ticket = pending.ticket;
        if (!ticket && !(pending.ticketHint && !pending.needsTicket)) return fail('dial.ticket-required', 'Choose the ticket this call is about (or confirm explicitly without a ticket)');
      }
      if (!pendingDials.take(pending.pendingId)) return fail('dial.pending-unknown', `The dial ${pending.pendingId} was handled meanwhile`);
      // The link's ticket text only names the call's ticket when the agent kept the link's ticket.
      const keptHint = parsed.data.ticket === undefined && pending.ticketHint ? { ticketHint: pending.ticketHint } : {};
      // Without a person named by the agent's screen, the callee chooser's rule decides (never a guess).
      const personId = parsed.data.personId ?? calleeContact(pending.callee);
      return start({ number: pending.number, source: 'deep-link', ...keptHint, ...(personId ? { personId } : {}) }, ticket);
    },
    reject(pendingId) {
      return pendingDials.take(pendingId) ? ok(null) : fail('dial.pending-unknown', `No dial ${pendingId} is waiting for confirmation`);
    },
    chooseCallee(pendingId, selection) {
      const choice = calleeChoices.get(pendingId);
      if (!choice || !pendingDials.list().some((p) => p.pendingId === pendingId)) return fail('dial.pending-unknown', `No dial ${pendingId} is waiting for its callee to be chosen`);
      return choice.select(selection) ? ok(null) : fail('dial.callee-not-offered', 'This person is not one of the choices offered for this number');
    },
    attachTicket(pendingId, ticket) {
      return pendingDials.attachTicket(pendingId, ticket) ? ok(null) : fail('dial.pending-unknown', `No dial ${pendingId} is waiting for confirmation (already handled or expired)`);
    },
    onPendingChange: (listener) => pendingDials.subscribe(listener),
    method: () => method(),
    routeEvent(event) {
      const routed = correlator.route(event);
      if (routed.matched?.first) updateOutbound(routed.matched.callId, { tracked: true, bridgeCallId: event.callId });
      return routed.event;
    },
  };
}
