import type { PendingCallee } from '../../../shared/contract/dial';
import type { CallerSelection } from '../../../shared/contract/views';

/** The agent's pick among a pending dial's callee matches; false when it is not one of the choices offered. */
export interface CalleeChoice {
  select(selection: CallerSelection): boolean;
}

/**
 * The person an outbound PhoneCall names as its contact when the agent confirms a dial without naming one:
 * the inbound rule (journal/call-facts.ts `confirmedContact`) — the person the agent picked in the chooser,
 * or the only match when it is a confirmed one. A probable match or "the first of several" is a guess, and a
 * guess is never written into iTop's records.
 */
export function calleeContact(callee: PendingCallee | undefined): string | undefined {
  const selection = callee?.selection;
  if (!callee || selection?.kind !== 'person') return undefined;
  const match = callee.matches.find((m) => m.personId === selection.personId);
  if (!match) return undefined;
  if (callee.chosen) return match.personId;
  return callee.matches.length === 1 && match.confidence === 'confirmed' ? match.personId : undefined;
}
