import type { PendingCallee, PendingDialView } from '../../../shared/contract/dial';
import type { TicketRef } from '../../../shared/contract/tickets';

/**
 * Dial requests from links (iTop pages, tel:/callto: handlers, the command line) waiting for the agent:
 * a link is untrusted, so it never dials by itself. Bounded and expiring, so a page spamming links cannot
 * grow memory or leave a stale call to be confirmed by mistake an hour later.
 */
export type PendingDial = PendingDialView;

export interface PendingDials {
  add(dial: Omit<PendingDial, 'pendingId' | 'receivedAt'>): PendingDial;
  /** Sets the link's ticket once iTop resolved its id/ref (or marks it as needing a choice). */
  resolveTicket(pendingId: string, ticket: (TicketRef & { ref?: string }) | undefined): void;
  /** The ticket the agent created for this dial: it replaces whatever the link named. False once the dial is gone. */
  attachTicket(pendingId: string, ticket: TicketRef & { ref?: string }): boolean;
  /** iTop could not be asked about the link's ticket: the dial keeps it by its ref, to be resolved when logged. */
  ticketUnreachable(pendingId: string): void;
  /** Sets who the dial calls and their tickets (again as lists resolve); ignored once the dial is gone. */
  setCallee(pendingId: string, callee: PendingCallee): void;
  take(pendingId: string): PendingDial | undefined;
  list(): PendingDial[];
  subscribe(listener: (pending: PendingDial[]) => void): () => void;
}

export interface PendingDialsOptions {
  clock: { now(): number };
  newId: () => string;
  /** Default 10 minutes. */
  ttlMs?: number;
  /** Default 20: the oldest is dropped beyond it. */
  max?: number;
  onError?: (error: unknown) => void;
}

export function createPendingDials(options: PendingDialsOptions): PendingDials {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const max = options.max ?? 20;
  const items = new Map<string, PendingDial>();
  const listeners = new Set<(pending: PendingDial[]) => void>();

  function expire(): boolean {
    const now = options.clock.now();
    let changed = false;
    for (const [id, dial] of items) {
      if (now - dial.receivedAt > ttlMs) changed = items.delete(id) || changed;
    }
    return changed;
  }
  const list = (): PendingDial[] => [...items.values()].sort((a, b) => a.receivedAt - b.receivedAt);
  function notify(): void {
    const snapshot = list();
    for (const listener of [...listeners]) {
      try {
        listener(snapshot);
      } catch (error) {
        options.onError?.(error);
      }
    }
  }

  return {
    add(dial) {
      expire();
      const pending: PendingDial = { ...dial, pendingId: options.newId(), receivedAt: options.clock.now() };
      items.set(pending.pendingId, pending);
      while (items.size > max) items.delete(items.keys().next().value as string);
      notify();
      return pending;
    },
    resolveTicket(pendingId, ticket) {
      const dial = items.get(pendingId);
      // No hint left: the agent attached a ticket of their own meanwhile, which a late resolution must not undo.
      if (!dial?.ticketHint) return;
      const { ticketStatus: _status, ...rest } = dial;
      items.set(pendingId, ticket ? { ...rest, ticket, needsTicket: false } : { ...rest, needsTicket: true });
      notify();
    },
    ticketUnreachable(pendingId) {
      const dial = items.get(pendingId);
      if (!dial || dial.ticket) return;
      items.set(pendingId, { ...dial, needsTicket: false, ticketStatus: 'unreachable' });
      notify();
    },
    attachTicket(pendingId, ticket) {
      if (expire()) notify();
      const dial = items.get(pendingId);
      if (!dial) return false;
      const { ticketHint: _linkHint, ticketStatus: _linkStatus, ...rest } = dial;
      items.set(pendingId, { ...rest, ticket, needsTicket: false });
      notify();
      return true;
    },
    setCallee(pendingId, callee) {
      const dial = items.get(pendingId);
      if (!dial) return;
      items.set(pendingId, { ...dial, callee });
      notify();
    },
    take(pendingId) {
      if (expire()) notify();
      const dial = items.get(pendingId);
      if (!dial) return undefined;
      items.delete(pendingId);
      notify();
      return dial;
    },
    list() {
      if (expire()) notify();
      return list();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
