import type { ContractHandlers } from '../../../shared/contract/contract';
import type { dialInvokeContract } from '../../../shared/contract/dial';
import { unwrap } from '../../../shared/result';
import { dialFromText } from '../dialer/text-dial';
import { inPageStatus } from '../shell/dial-shortcut';
export { settingsShortcut } from '../shell/dial-shortcut';
import type { DialKit } from './dial-kit';

export type DialHandlers = Pick<ContractHandlers, keyof typeof dialInvokeContract>;

/** dial:*: the agent's own clicks dial at once; links wait in dial:pending until confirmed. */
export function createDialHandlers(deps: { dial: DialKit; shortcut: () => Promise<{ shortcut: string; shortcutDialsAtOnce: boolean }> }): DialHandlers {
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
    'dial:choose-callee': async ({ pendingId, selection }) => unwrap(dialer.chooseCallee(pendingId, selection)),
    'dial:text': async ({ text }) => unwrap(await dialFromText(dialer, text, (await deps.shortcut()).shortcutDialsAtOnce)),
    // Web mode: the page's own keyboard shortcut; the desktop shell answers with its global registration.
    'dial:shortcut-status': async () => inPageStatus(await deps.shortcut()),
    'dial:reject': async ({ pendingId }) => unwrap(dialer.reject(pendingId)),
  };
}
