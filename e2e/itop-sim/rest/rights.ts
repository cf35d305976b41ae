/**
 * A small UserRights model of the recorded instance's profiles. Administrators may do anything;
 * Support Agents read everything but users, and write tickets of the service desk and PhoneCalls
 * (telephony extension 1.1.0: "Modify / Bulk Modify as well as Delete rights on PhoneCall objects are
 * granted to the Support and Service Desk Agents"); they cannot write Persons (recording 20).
 */
import { isAdmin, PROFILE, type Account } from '../accounts';
import type { Schema } from '../model/schema';

export type Action = 'read' | 'bulk_read' | 'modify' | 'bulk_modify' | 'delete';

/** Words used in "The current user does not have enough permissions for <verb> data of class X". */
export const ACTION_VERB = {
  read: 'reading',
  bulk_read: 'exporting',
  create: 'creating',
  bulk_create: 'massively creating',
  modify: 'modifying',
  bulk_modify: 'massively modifying',
  delete: 'deleting',
} as const;

const AGENT_WRITABLE = ['UserRequest', 'Incident', 'PhoneCall'];
const AGENT_DELETABLE = ['PhoneCall'];

export function isAllowed(schema: Schema, account: Account, cls: string, action: Action): boolean {
  if (isAdmin(account)) return true;
  if (!account.profiles.includes(PROFILE.agent)) return false;
  if (action === 'read' || action === 'bulk_read') return !schema.isA(cls, 'User');
  // An abstract class (Ticket) is writable only if every concrete subclass is.
  const granted = action === 'delete' ? AGENT_DELETABLE : AGENT_WRITABLE;
  return schema.concreteClasses(cls).every((c) => granted.some((w) => schema.isA(c, w)));
}

export function denied(verb: string, cls: string): { code: 1; message: string } {
  return { code: 1, message: `The current user does not have enough permissions for ${verb} data of class ${cls}` };
}
