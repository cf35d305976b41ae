export { confirmedContact, presetCaller, type CallFacts } from './call-facts';
export { formatDuration, formatItopDate } from './itop-date';
export { createJournal, type Journal, type JournalDeps, type LogCallRequest, type LoggedCall } from './journal';
export { AGENT_PERSON_OQL, buildCallNote, buildPhoneCallFields, privateLogCallEntry, type TicketKey } from './phone-call-fields';
