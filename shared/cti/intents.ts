/**
 * What a deep link, a command line or the 3CX contact URL asks the app to do, before it becomes a CallEvent
 * (incoming call) or a dial request (handled by the dialer).
 */
export interface IncomingCallIntent {
  readonly kind: 'incoming-call';
  /** Raw number, trimmed, as received (e.g. "anonymous" when withheld). */
  readonly number: string;
  readonly withheld: boolean;
  readonly displayName?: string;
  /** Other url_parameters mapped to Person attribute codes (e.g. { email: … }). */
  readonly attributes?: Readonly<Record<string, string>>;
}

export interface DialIntent {
  readonly kind: 'dial';
  /** Raw number as given (`+` kept); the dialer normalizes and builds the dial string. */
  readonly number: string;
  /** Ticket id or ref the call is about, when the link named one. */
  readonly ticket?: string;
}

export type CallIntent = IncomingCallIntent | DialIntent;

// iTop ids are digits, refs look like R-000123; anything else in a link is not a ticket reference.
const TICKET_REF = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

export function isTicketRef(value: string): boolean {
  return TICKET_REF.test(value);
}
