import type { AppStatus, CallView } from '../../../shared/contract/views';
import type { Timers } from './timers';

/** A native notification, as plain data (the adapter turns it into an Electron Notification). */
export interface RingNotice {
  readonly callId: string;
  readonly title: string;
  readonly body: string;
}

/** Open tickets of the call's lists that have answered, counted once even when two lists show the same one. */
export function openTicketCount(call: CallView): number | undefined {
  const answered = call.lists.filter((l) => l.state === 'done');
  if (answered.length === 0) return undefined;
  return new Set(answered.flatMap((l) => l.tickets.map((t) => `${t.class}::${t.id}`))).size;
}

/** Why a lookup failed, in the agent's words, when AppStatus knows (iTop down or login refused). */
function lookupFailure(itop: AppStatus['itop'] | undefined): string {
  if (itop?.state === 'unreachable') return 'iTop unreachable: caller not looked up';
  if (itop?.state === 'login-refused') return 'iTop refused the login: caller not looked up';
  return 'Caller lookup failed';
}

/**
 * Title = who is calling; body = organization, open tickets, number (what an agent decides on before
 * answering). `itop` (AppStatus.itop) says why a caller could not be looked up.
 */
export function ringNotice(call: CallView, itop?: AppStatus['itop']): RingNotice {
  const matches = call.callers.matches;
  const selection = call.selection;
  const chosen = selection.kind === 'person' ? matches.find((m) => m.personId === selection.personId) : undefined;
  const caller = chosen ?? (matches.length === 1 ? matches[0] : undefined);
  const number = call.number.kind === 'withheld' ? 'Withheld number' : call.number.display || call.number.raw;
  const parts: string[] = [];
  let title: string;
  if (caller) {
    // Probable, or inactive and not chosen: never selected by default (issue 12), so named as a question.
    title = caller.confidence === 'probable' || (caller.inactive && caller !== chosen) ? `${caller.name}?` : caller.name;
    if (caller.organization) parts.push(caller.organization);
    if (caller.inactive) parts.push('inactive');
  } else if (matches.length > 1) {
    title = call.displayName ?? number;
    parts.push(`${matches.length} contacts share this number`);
  } else {
    title = call.displayName ?? number;
    parts.push(call.callers.state === 'error' ? lookupFailure(itop) : 'Unknown caller');
  }
  const tickets = openTicketCount(call);
  if (tickets !== undefined) parts.push(tickets === 1 ? '1 open ticket' : `${tickets} open tickets`);
  if (title !== number) parts.push(number);
  return { callId: call.callId, title: `Incoming call: ${title}`, body: parts.join(' · ') };
}

export interface RingNotifications {
  update(calls: readonly CallView[]): void;
}

const MAX_REMEMBERED = 500;

/**
 * One notification per ringing inbound call, secondary to the pop-up (macOS drops notifications of
 * unsigned apps). It waits for the caller lookup (at most `waitForLookupMs`) so it can name the caller,
 * and is skipped under do-not-disturb or when the call stopped ringing meanwhile.
 */
export function createRingNotifications(deps: {
  notify: (notice: RingNotice) => void;
  options: () => { readonly enabled: boolean; readonly doNotDisturb: boolean };
  /** The latest AppStatus.itop (from 'status:changed'), so a failed lookup says why. */
  itop?: () => AppStatus['itop'] | undefined;
  timers: Timers;
  waitForLookupMs: number;
}): RingNotifications {
  const handled = new Set<string>();
  const waiting = new Map<string, unknown>();
  let latest = new Map<string, CallView>();

  const ringing = (call: CallView | undefined): call is CallView => call !== undefined && call.direction === 'inbound' && call.state === 'ringing';

  function send(callId: string): void {
    const timer = waiting.get(callId);
    if (timer !== undefined) deps.timers.clear(timer);
    waiting.delete(callId);
    handled.add(callId);
    if (handled.size > MAX_REMEMBERED) handled.delete(handled.values().next().value as string);
    const call = latest.get(callId);
    const options = deps.options();
    if (ringing(call) && options.enabled && !options.doNotDisturb) deps.notify(ringNotice(call, deps.itop?.()));
  }

  return {
    update(calls) {
      latest = new Map(calls.map((c) => [c.callId, c]));
      for (const call of calls) {
        if (!ringing(call) || handled.has(call.callId)) continue;
        const lookupDone = call.callers.state === 'done' || call.callers.state === 'error';
        if (lookupDone) send(call.callId);
        else if (!waiting.has(call.callId)) waiting.set(call.callId, deps.timers.set(() => send(call.callId), deps.waitForLookupMs));
      }
    },
  };
}
