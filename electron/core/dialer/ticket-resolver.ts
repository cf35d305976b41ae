import type { TicketRef } from '../../../shared/contract/tickets';
import { isTicketRef } from '../../../shared/cti/intents';
import { bindOql } from '../../../shared/oql/bind';
import { preview } from '../../../shared/cti/raw-number';
import { fail, ok, type Result } from '../../../shared/result';
import type { ItopReader } from '../lookup/itop-reader';

/** The OQL naming a link's ticket (id or ref), for iTop to resolve when the call is logged (never before dialing). */
export function ticketQuery(hint: string): Result<string> {
  const text = String(hint).trim();
  if (!isTicketRef(text)) return fail('dial.ticket-invalid', `"${preview(text)}" is not a ticket id or reference`);
  return /^\d{1,12}$/.test(text) ? bindOql('SELECT Ticket WHERE id = :id', { id: Number(text) }) : bindOql('SELECT Ticket WHERE ref = :ref', { ref: text });
}

/**
 * A link's `ticket=` (an id such as 42 or a ref such as R-000123) → the ticket, with its final class, so the
 * outbound PhoneCall can be linked to it. Read through Ticket so any ticket class is found.
 */
export function createTicketResolver(reader: ItopReader): (hint: string) => Promise<Result<TicketRef & { ref?: string }>> {
  return async (hint) => {
    const text = String(hint).trim();
    const oql = ticketQuery(text);
    if (!oql.ok) return oql;
    const reply = await reader.get({ class: 'Ticket', key: oql.value, outputFields: ['ref'], limit: 2 });
    // Unreachable (or a login to fix) is not "no such ticket": the dial goes on and is logged on it later.
    if (!reply.ok && (reply.error.kind === 'unreachable' || reply.error.kind === 'login-refused')) return fail('dial.ticket-unreachable', `iTop could not be reached to read ticket ${preview(text)}: ${reply.error.message}`);
    if (!reply.ok) return fail('dial.ticket-unreadable', `Ticket ${preview(text)} could not be read from iTop: ${reply.error.message}`);
    const [first, second] = reply.value.objects;
    if (!first) return fail('dial.ticket-not-found', `No ticket ${preview(text)} in iTop (or you may not see it)`);
    if (second) return fail('dial.ticket-ambiguous', `Several tickets match ${preview(text)}; choose one`);
    const ref = first.fields['ref'];
    return ok({ class: first.class, id: first.id, ...(typeof ref === 'string' && ref !== '' ? { ref } : {}) });
  };
}
