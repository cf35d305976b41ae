import type { TelephonyConfig } from '../../../shared/config';
import type { ContractHandlers } from '../../../shared/contract/contract';
import type { writeInvokeContract } from '../../../shared/contract/writes';
import { unwrap } from '../../../shared/result';
import { isLogAttribute } from '../creation';
import { caseLogItem } from '../itop';
import type { CallFacts } from '../journal';
import { creatableClasses } from './creation-offer';
import type { WriteKit } from './write-kit';

export type WriteHandlers = Pick<ContractHandlers, keyof typeof writeInvokeContract>;

export interface WriteHandlerDeps {
  readonly writes: WriteKit;
  readonly telephony: TelephonyConfig;
  /** The call as the journal sees it; throws a readable error for a call that is gone. */
  readonly facts: (callId: string) => CallFacts;
  /** The ref of a ticket the call's lists show, for readable outbox labels. */
  readonly ticketRef: (callId: string, ticket: { class: string; id: string }) => string | undefined;
}

/** ticket:*, call:log, person:add-number and outbox:*: every write goes through the durable outbox. */
export function createWriteHandlers(deps: WriteHandlerDeps): WriteHandlers {
  const { outbox, journal, creation } = deps.writes;
  const allowed = creatableClasses(deps.telephony);
  const mustBeCreatable = (className: string): void => {
    if (!allowed.has(className)) {
      throw new Error(`Creating a ${className} from a call is not enabled (telephony direct_creation / indirect_creation allow: ${[...allowed].join(', ') || 'nothing'}).`);
    }
  };

  return {
    'ticket:prefill': async ({ callId, class: className }) => {
      mustBeCreatable(className);
      return unwrap(await creation.prefill(deps.facts(callId), className));
    },
    'ticket:create': async ({ callId, class: className, fields }) => {
      mustBeCreatable(className);
      const call = deps.facts(callId);
      return unwrap(await creation.create(call, className, fields));
    },
    'call:log': async ({ callId, ticket, note, alsoLog }) => {
      // Nothing is asked of iTop before the call is on disk: the outbox resolves the agent when it sends.
      const call = deps.facts(callId);
      const ref = deps.ticketRef(callId, ticket);
      const logged = unwrap(
        await journal.logCall({
          call,
          ticket: { class: ticket.class, key: Number(ticket.id), ...(ref ? { ref } : {}) },
          wrapUp: note,
          ...(alsoLog ? { alsoLog } : {}),
        }),
      );
      return { entryId: logged.entryId, journal: logged.journal };
    },
    'person:add-number': async ({ callId, personId, attribute }) => unwrap(await creation.addNumberToPerson(deps.facts(callId), Number(personId), attribute)),
    'outbox:status': async () => outbox.status(),
    'outbox:retry': async ({ entryId }) => unwrap(await outbox.retryNow(entryId)),
    'outbox:discard': async ({ entryId }) => unwrap(await outbox.discard(entryId)),
    'outbox:edit': async ({ entryId, fields }) => {
      // The form edits case logs as text; iTop takes a log entry as an add_item (as on creation).
      const itopFields = Object.fromEntries(Object.entries(fields).map(([code, value]) => [code, isLogAttribute(code) && typeof value === 'string' ? caseLogItem(value) : value]));
      const edited = unwrap(await outbox.edit(entryId, itopFields));
      const view = outbox.status().entries.find((e) => e.id === edited.id);
      if (!view) throw new Error(`The outbox entry ${entryId} was corrected, but is no longer listed.`);
      return view;
    },
  };
}
