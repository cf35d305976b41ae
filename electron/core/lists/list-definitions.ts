import { localizedLabel } from '../../../shared/config/localized-label';
import type { TicketList } from '../../../shared/config/telephony';
import type { ListDefinition } from './ticket-lists';
import { selectedClass } from './oql-class';

/** The ENABLED display_tickets lists, labelled in the agent's language; ids keep the configured position. */
export function listDefinitions(lists: readonly TicketList[], language: string): ListDefinition[] {
  return lists.flatMap((list, index) =>
    list.enabled
      ? [{ id: `list-${index}`, label: localizedLabel(list, language) || `List ${index + 1}`, query: list.query, className: selectedClass(list.query) }]
      : [],
  );
}
