import type { DialStarted, PendingDialView } from '../../../shared/contract/dial';
import type { DialIntent } from '../../../shared/cti/intents';
import { readDialLink, type DialOrigin } from '../../../shared/dial';
import { fail, ok, type Result } from '../../../shared/result';
import type { CallIntake } from '../intake/call-intake';
import type { DialKit } from './dial-kit';

/** What a link or a `--dial` command line led to. */
export type LinkOutcome =
  | { readonly kind: 'call'; readonly callId: string; readonly duplicate: boolean }
  | { readonly kind: 'dial-pending'; readonly pending: PendingDialView }
  | { readonly kind: 'dial-started'; readonly started: DialStarted }
  | { readonly kind: 'none' };

export interface LinkHandler {
  handleLink(url: string, origin: DialOrigin): Promise<Result<LinkOutcome>>;
  handleDialIntent(intent: DialIntent, origin: DialOrigin): Promise<Result<LinkOutcome>>;
}

/**
 * Every link the hosts receive (itop-cti://call, itop-cti://dial, tel:, callto:, sip:): incoming-call links
 * go through the intake (validation, de-duplication, then the companion's ingest); dial links go to the
 * dialer, which holds them for the agent's confirmation unless the link came from the app itself.
 */
export function createLinkHandler(deps: { intake: () => CallIntake | undefined; dial: DialKit }): LinkHandler {
  async function handleDialIntent(intent: DialIntent, origin: DialOrigin): Promise<Result<LinkOutcome>> {
    let ticket: { class: string; id: string } | undefined;
    let ticketHint = intent.ticket;
    // The app's own link dials at once, so its ticket must be known before: iTop resolves the id or ref.
    if (origin === 'app' && intent.ticket) {
      const resolved = await deps.dial.resolveTicket(intent.ticket);
      if (!resolved.ok) return resolved;
      ticket = { class: resolved.value.class, id: resolved.value.id };
      ticketHint = resolved.value.ref ?? intent.ticket;
    }
    const outcome = await deps.dial.dialer.dial({ number: intent.number, source: origin, ...(ticket ? { ticket } : {}), ...(ticketHint ? { ticketHint } : {}) });
    if (!outcome.ok) return outcome;
    return ok(outcome.value.kind === 'started' ? { kind: 'dial-started', started: outcome.value.started } : { kind: 'dial-pending', pending: outcome.value.pending });
  }

  return {
    handleDialIntent,
    async handleLink(url, origin) {
      const intake = deps.intake();
      if (!intake) {
        // Before start (macOS open-url at launch): a dial can still wait for the agent; a call cannot pop yet.
        const link = readDialLink(url);
        if (!link.ok) return link.error.code === 'dial.not-a-dial-link' ? fail('companion-not-started', 'The companion is still starting: the incoming-call link was not shown.') : link;
        return handleDialIntent({ kind: 'dial', ...link.value }, origin);
      }
      const accepted = intake.acceptDeepLink(url);
      if (!accepted.ok) return accepted;
      const value = accepted.value;
      if (value.kind === 'call') return ok({ kind: 'call', callId: value.event.callId, duplicate: value.duplicate });
      if (value.kind === 'dial') return handleDialIntent(value.intent, origin);
      return ok({ kind: 'none' });
    },
  };
}
