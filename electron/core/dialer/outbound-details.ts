import { z } from 'zod';
import { DialMethod } from '../../../shared/contract/dial';
import { TicketRef } from '../../../shared/contract/tickets';

/**
 * What the dialer attaches to an outbound call session (`session.details.outbound`): everything the journal
 * needs to log the outbound PhoneCall on the ticket and the called person when the call is over.
 */
export const OUTBOUND_DETAILS_KEY = 'outbound';

export const OutboundDetails = z.object({
  method: DialMethod,
  origin: z.enum(['app', 'deep-link']),
  display: z.string(),
  dialString: z.string(),
  e164: z.string().optional(),
  ticket: TicketRef.optional(),
  /** The link's ticket id/ref when iTop could not resolve it before dialing: logged on it through OQL. */
  ticketHint: z.string().max(64).optional(),
  personId: z.string().optional(),
  /** sending: handed to the bridge/OS, no answer yet; sent: accepted; failed: never reached the phone system. */
  dispatch: z.enum(['sending', 'sent', 'failed']),
  error: z.string().optional(),
  /** Set once a bridge event was matched to this call: its state and duration then come from the PBX. */
  tracked: z.boolean(),
  /** The bridge's id for this call, once matched. */
  bridgeCallId: z.string().optional(),
});
export type OutboundDetails = z.infer<typeof OutboundDetails>;

/** The dialer's details of a session, or undefined for calls it did not place (or data it cannot read). */
export function outboundDetailsOf(details: Readonly<Record<string, unknown>>): OutboundDetails | undefined {
  const parsed = OutboundDetails.safeParse(details[OUTBOUND_DETAILS_KEY]);
  return parsed.success ? parsed.data : undefined;
}
