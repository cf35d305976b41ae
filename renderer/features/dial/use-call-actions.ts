import { useEffect, useState } from 'react';
import type { CallActionView, TicketCallActions } from '../../../shared/contract/dial';
import type { TicketRef } from '../../../shared/contract/tickets';
import { useBridge } from '../../stores/stores-context';

/** The call actions of a ticket's caller (dial:actions); null while loading or when they cannot be read. */
export function useTicketCallActions(ticket: TicketRef | null): TicketCallActions | null {
  const bridge = useBridge();
  // Keyed by ticket, so another ticket's actions never show while the new ones load.
  const [loaded, setLoaded] = useState<{ key: string; value: TicketCallActions } | null>(null);
  const cls = ticket?.class;
  const id = ticket?.id;
  const key = `${cls ?? ''}:${id ?? ''}`;
  useEffect(() => {
    if (!cls || !id) return;
    let live = true;
    void bridge.invoke('dial:actions', { ticket: { class: cls, id } }).then((r) => live && r.ok && setLoaded({ key: `${cls}:${id}`, value: r.value }));
    return () => {
      live = false;
    };
  }, [bridge, cls, id]);
  return loaded?.key === key ? loaded.value : null;
}

/** The call actions of one Person (dial:person-actions); empty until known. */
export function usePersonCallActions(personId: string): CallActionView[] {
  const bridge = useBridge();
  const [value, setValue] = useState<CallActionView[]>([]);
  useEffect(() => {
    if (!/^\d{1,12}$/.test(personId)) return;
    let live = true;
    void bridge.invoke('dial:person-actions', { personId }).then((r) => live && r.ok && setValue(r.value));
    return () => {
      live = false;
    };
  }, [bridge, personId]);
  return value;
}
