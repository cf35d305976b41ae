/**
 * User classes (for :current_user queries and rights) and the PhoneCall class of the recorded
 * instance's local stand-in for the telephony extension (fields from the extension's documentation:
 * Contact optional, Agent / Ticket / Flow mandatory; recordings 06, 06b, 06c).
 */
import type { ClassDef } from './types';

export const user: ClassDef = {
  name: 'User',
  abstract: true,
  attributes: [
    { code: 'contactid', label: 'Contact (person)', type: 'extkey', target: 'Person', onTargetDelete: 'manual' },
    { code: 'last_name', label: 'Last name', type: 'extfield', via: { key: 'contactid', remote: 'name' } },
    { code: 'first_name', label: 'First name', type: 'extfield', via: { key: 'contactid', remote: 'first_name' } },
    { code: 'email', label: 'Email', type: 'extfield', via: { key: 'contactid', remote: 'email' } },
    { code: 'org_id', label: 'Organization', type: 'extfield', via: { key: 'contactid', remote: 'org_id' } },
    { code: 'login', label: 'Login', type: 'string', mandatory: true },
    { code: 'language', label: 'Language', type: 'enum', values: ['EN US', 'FR FR', 'DE DE'], defaultValue: 'EN US', mandatory: true },
    { code: 'status', label: 'Status', type: 'enum', values: ['enabled', 'disabled'], defaultValue: 'enabled', mandatory: true },
    { code: 'profile_list', label: 'Profiles', type: 'linkset' },
    { code: 'allowed_org_list', label: 'Allowed organizations', type: 'linkset' },
  ],
};

export const userLocal: ClassDef = { name: 'UserLocal', parent: 'User', attributes: [] };
export const userToken: ClassDef = { name: 'UserToken', parent: 'User', attributes: [] };

export const phoneCall: ClassDef = {
  name: 'PhoneCall',
  naming: ['ticket_ref', 'flow', 'date'],
  attributes: [
    { code: 'contact_id', label: 'Contact', type: 'extkey', target: 'Person', onTargetDelete: 'manual' },
    { code: 'agent_id', label: 'Agent', type: 'extkey', target: 'Person', mandatory: true, onTargetDelete: 'manual' },
    { code: 'ticket_id', label: 'Ticket', type: 'extkey', target: 'Ticket', mandatory: true, onTargetDelete: 'auto' },
    { code: 'ticket_ref', label: 'Ticket ref', type: 'extfield', via: { key: 'ticket_id', remote: 'ref' } },
    { code: 'date', label: 'Date', type: 'datetime' },
    { code: 'flow', label: 'Flow', type: 'enum', values: ['inbound', 'outbound'], mandatory: true },
    { code: 'note', label: 'Note', type: 'text' },
  ],
};
