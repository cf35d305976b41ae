/**
 * Organization, Location, Contact → Person / Team, and the two service classes tickets point at,
 * with iTop's attribute order (it decides the order of `output_fields: "*"` and of OQL error lists).
 */
import type { AttrDef, ClassDef } from './types';

const statusActive: AttrDef = { code: 'status', label: 'Status', type: 'enum', mandatory: true, values: ['active', 'inactive'], defaultValue: 'active' };

export const organization: ClassDef = {
  name: 'Organization',
  naming: ['name'],
  obsoleteWhen: { code: 'status', value: 'inactive' },
  attributes: [
    { code: 'name', label: 'Name', type: 'string', mandatory: true },
    { code: 'code', label: 'Code', type: 'string' },
    statusActive,
    { code: 'parent_id', label: 'Parent', type: 'extkey', target: 'Organization', onTargetDelete: 'manual' },
    { code: 'parent_name', label: 'Parent name', type: 'extfield', via: { key: 'parent_id', remote: 'name' } },
  ],
};

export const location: ClassDef = {
  name: 'Location',
  naming: ['name'],
  obsoleteWhen: { code: 'status', value: 'inactive' },
  attributes: [
    { code: 'name', label: 'Name', type: 'string', mandatory: true },
    statusActive,
    { code: 'org_id', label: 'Owner organization', type: 'extkey', mandatory: true, target: 'Organization', onTargetDelete: 'manual' },
    { code: 'org_name', label: 'Owner organization name', type: 'extfield', via: { key: 'org_id', remote: 'name' } },
    { code: 'address', label: 'Address', type: 'text' },
    { code: 'postal_code', label: 'Postal code', type: 'string' },
    { code: 'city', label: 'City', type: 'string' },
    { code: 'country', label: 'Country', type: 'string' },
    { code: 'person_list', label: 'Persons', type: 'linkset' },
  ],
};

export const contact: ClassDef = {
  name: 'Contact',
  abstract: true,
  naming: ['name'],
  obsoleteWhen: { code: 'status', value: 'inactive' },
  attributes: [
    { code: 'name', label: 'Name', type: 'string', mandatory: true },
    statusActive,
    { code: 'org_id', label: 'Organization', type: 'extkey', mandatory: true, target: 'Organization', onTargetDelete: 'manual' },
    { code: 'org_name', label: 'Organization name', type: 'extfield', via: { key: 'org_id', remote: 'name' } },
    { code: 'email', label: 'Email', type: 'email' },
    { code: 'phone', label: 'Phone', type: 'phone' },
    { code: 'notify', label: 'Notification', type: 'enum', values: ['yes', 'no'], defaultValue: 'yes' },
    { code: 'function', label: 'Function', type: 'string' },
    { code: 'cis_list', label: 'CIs', type: 'linkset' },
  ],
};

export const person: ClassDef = {
  name: 'Person',
  parent: 'Contact',
  naming: ['first_name', 'name'],
  attributes: [
    { code: 'picture', label: 'Picture', type: 'blob' },
    { code: 'first_name', label: 'First Name', type: 'string', mandatory: true },
    { code: 'employee_number', label: 'Employee number', type: 'string' },
    { code: 'mobile_phone', label: 'Mobile phone', type: 'phone' },
    { code: 'location_id', label: 'Location', type: 'extkey', target: 'Location', onTargetDelete: 'manual' },
    { code: 'location_name', label: 'Location name', type: 'extfield', via: { key: 'location_id', remote: 'name' } },
    { code: 'manager_id', label: 'Manager', type: 'extkey', target: 'Person', onTargetDelete: 'manual' },
    { code: 'manager_name', label: 'Manager name', type: 'extfield', via: { key: 'manager_id', remote: 'name' } },
    { code: 'team_list', label: 'Teams', type: 'linkset' },
    { code: 'user_list', label: 'Users', type: 'linkset' },
    { code: 'tickets_list', label: 'Tickets', type: 'linkset' },
  ],
};

export const team: ClassDef = {
  name: 'Team',
  parent: 'Contact',
  naming: ['name'],
  attributes: [
    { code: 'persons_list', label: 'Members', type: 'linkset' },
    { code: 'tickets_list', label: 'Tickets', type: 'linkset' },
  ],
};

export const service: ClassDef = {
  name: 'Service',
  naming: ['name'],
  attributes: [
    { code: 'name', label: 'Name', type: 'string', mandatory: true },
    { code: 'org_id', label: 'Provider', type: 'extkey', mandatory: true, target: 'Organization', onTargetDelete: 'manual' },
    { code: 'org_name', label: 'Provider name', type: 'extfield', via: { key: 'org_id', remote: 'name' } },
    { code: 'description', label: 'Description', type: 'text' },
  ],
};

export const serviceSubcategory: ClassDef = {
  name: 'ServiceSubcategory',
  naming: ['name'],
  attributes: [
    { code: 'name', label: 'Name', type: 'string', mandatory: true },
    { code: 'service_id', label: 'Service', type: 'extkey', mandatory: true, target: 'Service', onTargetDelete: 'auto' },
    { code: 'service_name', label: 'Service name', type: 'extfield', via: { key: 'service_id', remote: 'name' } },
  ],
};
