import type { CallActionView, TicketCallActions } from '../../../shared/contract/dial';
import type { TicketRef } from '../../../shared/contract/tickets';
import { actionAttributes, callActionsFor, type CallAction } from '../../../shared/dial';
import { fail, ok, type Result } from '../../../shared/result';
import { getWithFieldFallback, type ItopReader } from '../lookup/itop-reader';
import type { DialConfigView } from './dispatch';

/**
 * `dial:actions` and `dial:person-actions`: the caller of a ticket (or a person) read from iTop, turned into
 * the E-Call actions of the configured ecall_parameters with numbers formatted for the agent.
 */
export interface CallActionsReader {
  forTicket(ticket: TicketRef): Promise<Result<TicketCallActions>>;
  forPerson(personId: string): Promise<Result<CallActionView[]>>;
}

const ID = /^\d{1,12}$/;

/** A Person the phone index already holds, with its fields as text. */
export interface IndexedPerson {
  readonly id: string;
  readonly fields: Readonly<Record<string, string>>;
}

export interface CallActionsReaderDeps {
  readonly reader: ItopReader;
  readonly config: () => DialConfigView;
  /**
   * The phone index's copy of a Person. When it holds every attribute the actions need, the caller card's
   * actions cost no request: one REST round trip per caller card otherwise competed with the ticket lists.
   */
  readonly indexed?: (personId: string) => IndexedPerson | undefined;
}

export function createCallActionsReader(deps: CallActionsReaderDeps): CallActionsReader {
  // Attribute codes iTop refused (a custom ecall mapping naming a field this iTop lacks): asked once.
  const refused = new Set<string>();

  async function readPerson(personId: string): Promise<Result<{ name: string; actions: CallAction[] } | undefined>> {
    const config = deps.config();
    const wanted = [...new Set(['friendlyname', 'org_id', 'org_name', ...actionAttributes(config.telephony.ecall_parameters)])];
    const known = deps.indexed?.(personId);
    if (known && wanted.every((code) => code in known.fields)) return ok(actionsOf(config, known.id, known.fields));
    const reply = await getWithFieldFallback(deps.reader, { class: 'Person', key: personId, outputFields: wanted }, refused);
    if (!reply.ok) return fail('dial.person-unreadable', `Person ${personId} could not be read from iTop: ${reply.error.message}`);
    const object = reply.value.objects[0];
    if (!object) return ok(undefined);
    const fields = Object.fromEntries(Object.entries(object.fields).map(([code, value]) => [code, value === null || value === undefined ? '' : String(value)]));
    return ok(actionsOf(config, object.id, fields));
  }

  function actionsOf(config: DialConfigView, id: string, fields: Readonly<Record<string, string>>): { name: string; actions: CallAction[] } {
    const orgRegions = new Map(Object.entries(config.phone.orgRegions).map(([key, region]) => [key.trim().toLowerCase(), region]));
    const region = orgRegions.get(fields['org_id'] ?? '') ?? orgRegions.get((fields['org_name'] ?? '').trim().toLowerCase());
    const name = fields['friendlyname'] || `Person #${id}`;
    const actions = callActionsFor(config.telephony.ecall_parameters, { id, name, fields, ...(region ? { region } : {}) }, { phone: config.phone, format: config.dial.format });
    return { name, actions };
  }

  return {
    async forPerson(personId) {
      if (!ID.test(personId)) return fail('dial.person-invalid', `"${personId}" is not a Person id`);
      const person = await readPerson(personId);
      if (!person.ok) return person;
      if (!person.value) return fail('dial.person-not-found', `Person ${personId} does not exist in iTop (or you may not see it)`);
      return ok(person.value.actions.map(toView));
    },
    async forTicket(ticket) {
      const reply = await deps.reader.get({ class: ticket.class, key: ticket.id, outputFields: ['caller_id'] });
      if (!reply.ok) return fail('dial.ticket-unreadable', `${ticket.class} #${ticket.id} could not be read from iTop: ${reply.error.message}`);
      const object = reply.value.objects[0];
      if (!object) return fail('dial.ticket-not-found', `${ticket.class} #${ticket.id} does not exist in iTop (or you may not see it)`);
      const callerId = String(object.fields['caller_id'] ?? '');
      if (!ID.test(callerId) || callerId === '0') return ok({ ticket, actions: [] });
      const person = await readPerson(callerId);
      if (!person.ok) return person;
      if (!person.value) return ok({ ticket, actions: [] });
      return ok({ ticket, callee: { personId: callerId, name: person.value.name }, actions: person.value.actions.map(toView) });
    },
  };
}

/** The view drops the url method's parameters: they stay in the core. */
function toView(action: CallAction): CallActionView {
  const { urlParams: _urlParams, ...view } = action;
  return view;
}
