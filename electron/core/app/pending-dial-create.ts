import type { TelephonyConfig } from '../../../shared/config';
import type { PendingDialView } from '../../../shared/contract/dial';
import type { CreationOffer } from '../../../shared/contract/views';
import { formatDialString, type PhoneOptions } from '../../../shared/phone';
import { unwrap } from '../../../shared/result';
import { enabledIndirect, firstEnabledDirect } from '../creation';
import { isTicketClass } from '../creation/creation-service';
import type { Dialer } from '../dialer';
import type { CallFacts } from '../journal';
import type { Log } from '../intake/log';
import { humanClassName } from './creation-offer';
import type { WriteHandlers } from './write-handlers';
import type { WriteKit } from './write-kit';

/**
 * "Create a ticket" for a dial waiting for the agent (issue 17 §2): the call panel's quick-create form, fed
 * with the pending dial as its call (`pending-dial:<id>` stands for the call id), so the same presets resolve
 * for the callee the agent chose. The new ticket becomes the dial's ticket; the outbound PhoneCall is logged on
 * it by the outbound journal once the call is over, so creating it logs nothing yet.
 */
const PENDING_DIAL_PREFIX = 'pending-dial:';

/** A pending dial expires after 10 minutes (pending-dials.ts): no point waiting longer for its ticket. */
const PENDING_DIAL_TTL_MS = 10 * 60_000;

/** The ticket classes a pending dial offers: the direct_creation class, then the indirect ones. */
export function pendingDialOffer(telephony: TelephonyConfig): CreationOffer | undefined {
  const direct = firstEnabledDirect(telephony)?.class;
  const classes = [...new Set([...(direct ? [direct] : []), ...enabledIndirect(telephony).map((c) => c.class)])].filter(isTicketClass);
  return classes.length > 0 ? { indirect: classes.map((c) => ({ class: c, label: `Create ${humanClassName(c)}` })) } : undefined;
}

/** The pending dial as the presets and the creation see a call: outbound, to the callee chosen so far. */
function pendingDialFacts(dial: PendingDialView, phone: PhoneOptions): CallFacts {
  const national = dial.e164 ? formatDialString(dial.e164, 'national', phone) : undefined;
  const callee = dial.callee;
  return {
    callId: `${PENDING_DIAL_PREFIX}${dial.pendingId}`,
    direction: 'outbound',
    number: { raw: dial.number, display: dial.display, ...(dial.e164 ? { e164: dial.e164 } : {}), ...(national?.ok ? { national: national.value } : {}) },
    startedAt: dial.receivedAt,
    callers: (callee?.matches ?? []).map((m) => ({ personId: m.personId, name: m.name, confidence: m.confidence })),
    selection: callee?.selection ?? { kind: 'unknown' },
    agentChose: callee?.chosen ?? false,
  };
}

export interface PendingDialCreateDeps {
  readonly dialer: Pick<Dialer, 'pending' | 'attachTicket'>;
  readonly creation: WriteKit['creation'];
  readonly outbox: Pick<WriteKit['outbox'], 'settled'>;
  readonly telephony: TelephonyConfig;
  readonly phone: PhoneOptions;
  readonly log: Log;
}

/** ticket:prefill / ticket:create for pending dials; every other call id goes to the call panel's handlers. */
export function withPendingDialCreation(handlers: WriteHandlers, deps: PendingDialCreateDeps): WriteHandlers {
  const offered = (className: string): void => {
    if (!pendingDialOffer(deps.telephony)?.indirect.some((c) => c.class === className)) {
      throw new Error(`Creating a ${className} for a dial is not enabled (telephony direct_creation / indirect_creation).`);
    }
  };
  const dialOf = (callId: string): PendingDialView => {
    const pendingId = callId.slice(PENDING_DIAL_PREFIX.length);
    const dial = deps.dialer.pending().find((p) => p.pendingId === pendingId);
    if (!dial) throw new Error('This dial is no longer waiting (already placed, rejected or expired).');
    return dial;
  };
  const attach = (pendingId: string, ticket: { class: string; id: string; ref: string }): void => {
    const attached = deps.dialer.attachTicket(pendingId, ticket);
    if (!attached.ok) deps.log.info('ticket created for a dial that is gone', { pendingId, ticket: ticket.ref });
  };
  return {
    ...handlers,
    'ticket:prefill': async (args) => {
      if (!args.callId.startsWith(PENDING_DIAL_PREFIX)) return handlers['ticket:prefill'](args);
      offered(args.class);
      return unwrap(await deps.creation.prefill(pendingDialFacts(dialOf(args.callId), deps.phone), args.class));
    },
    'ticket:create': async (args) => {
      if (!args.callId.startsWith(PENDING_DIAL_PREFIX)) return handlers['ticket:create'](args);
      offered(args.class);
      const dial = dialOf(args.callId);
      const outcome = unwrap(await deps.creation.create(pendingDialFacts(dial, deps.phone), args.class, args.fields, { logCall: false }));
      if (outcome.state === 'created') attach(dial.pendingId, { class: outcome.class, id: outcome.id, ref: outcome.ref });
      else if (outcome.state === 'queued') {
        // iTop is slow or down: the dial gets its ticket as soon as the outbox has created it.
        void deps.outbox.settled(outcome.entryId, PENDING_DIAL_TTL_MS).then((entry) => {
          if (entry?.state !== 'done' || !entry.result) return;
          const ref = entry.result.fields['ref'];
          attach(dial.pendingId, { class: entry.result.class, id: String(entry.result.id), ref: typeof ref === 'string' && ref !== '' ? ref : `#${entry.result.id}` });
        });
      }
      return outcome;
    },
  };
}
