import type { ContractHandlers } from '../../../shared/contract/contract';
import type { dialInvokeContract } from '../../../shared/contract/dial';
import type { Result } from '../../../shared/result';
import type { DialKit } from './dial-kit';

export type DialHandlers = Pick<ContractHandlers, keyof typeof dialInvokeContract>;

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** dial:*: the agent's own clicks dial at once; links wait in dial:pending until confirmed. */
export function createDialHandlers(deps: { dial: DialKit }): DialHandlers {
  const { dialer, actions } = deps.dial;
  return {
    'dial:start': async ({ number, ticket, personId, action }) => {
      // The url method's other parameters (email…) are the called Person's values.
      const attributes = deps.dial.dialer.method() === 'url' && personId ? unwrap(await deps.dial.personAttributes(personId)) : undefined;
      const outcome = unwrap(
        await dialer.dial({
          number, source: 'app',
          ...(ticket ? { ticket } : {}), ...(personId ? { personId } : {}), ...(action ? { action } : {}), ...(attributes ? { attributes } : {}),
        }),
      );
      if (outcome.kind !== 'started') throw new Error('The dial was queued for confirmation instead of started.');
      return outcome.started;
    },
    'dial:actions': async ({ ticket }) => unwrap(await actions.forTicket(ticket)),
    'dial:person-actions': async ({ personId }) => unwrap(await actions.forPerson(personId)),
    'dial:pending': async () => dialer.pending(),
    'dial:confirm': async (choice) => unwrap(await dialer.confirm(choice)),
    'dial:reject': async ({ pendingId }) => unwrap(dialer.reject(pendingId)),
  };
}
