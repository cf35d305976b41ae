export { createDialer, DialRequest, type Dialer, type DialerDeps, type DialOutcome } from './dialer';
export { dispatchDial, type DialConfigView, type DispatchPorts } from './dispatch';
export { outboundCallRecord, DEFAULT_UNTRACKED_GRACE_MS, type OutboundCallRecord } from './journal-input';
export { OUTBOUND_DETAILS_KEY, OutboundDetails, outboundDetailsOf } from './outbound-details';
export { createCallActionsReader, type CallActionsReader, type IndexedPerson } from './call-actions-reader';
export { createTicketResolver, ticketQuery } from './ticket-resolver';
