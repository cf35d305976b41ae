/**
 * Organization, Location, Contact → Person / Team, and the two service classes tickets point at,
 * with iTop's attribute order (it decides the order of `output_fields: "*"` and of OQL error lists).
 */
import type { AttrDef, ClassDef } from './types';

const statusActive: AttrDef = { code: 'status', label: 'Status', type: 'enum', mandatory: true, values: ['active', 'inactive'], defaultValue: 'active' };
// Organization and Location allow an empty status in itop-structure (is_null_allowed = true); Contact does not.
const optionalStatus: AttrDef = { ...statusActive, mandatory: false };
const serviceStatus: AttrDef = { code: 'status', label: 'Status', type: 'enum', values: ['production', 'implementation', 'obsolete'] };

export const organization: ClassDef = {
  name: 'Organization',
  naming: ['name'],
  obsoleteWhen: { code: 'status', value: 'inactive' },
  attributes: [
    { code: 'name', label: 'Name', type: 'string', mandatory: true },
    { code: 'code', label: 'Code', type: 'string' },
    optionalStatus,
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
    optionalStatus,
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
    serviceStatus,
  ],
};

export const serviceSubcategory: ClassDef = {
  name: 'ServiceSubcategory',
  naming: ['name'],
  attributes: [
    { code: 'name', label: 'Name', type: 'string', mandatory: true },
    { code: 'service_id', label: 'Service', type: 'extkey', mandatory: true, target: 'Service', onTargetDelete: 'auto' },
    { code: 'service_name', label: 'Service name', type: 'extfield', via: { key: 'service_id', remote: 'name' } },
    { code: 'request_type', label: 'Request type', type: 'enum', mandatory: true, values: ['incident', 'service_request'], defaultValue: 'incident' },
    serviceStatus,
  ],
};

/**
 * Customer contracts and the services they cover (itop-service-mgmt): what iTop's ticket forms and portal
 * offer as services to an organization's tickets.
 */
export const contract: ClassDef = {
  name: 'Contract',
  abstract: true,
  naming: ['name'],
  attributes: [
    { code: 'name', label: 'Name', type: 'string', mandatory: true },
    { code: 'org_id', label: 'Customer', type: 'extkey', mandatory: true, target: 'Organization', onTargetDelete: 'manual' },
    { code: 'organization_name', label: 'Customer name', type: 'extfield', via: { key: 'org_id', remote: 'name' } },
    { code: 'description', label: 'Description', type: 'text' },
    { code: 'start_date', label: 'Start date', type: 'date' },
    { code: 'end_date', label: 'End date', type: 'date' },
    { code: 'provider_id', label: 'Provider', type: 'extkey', mandatory: true, target: 'Organization', onTargetDelete: 'manual' },
    { code: 'provider_name', label: 'Provider name', type: 'extfield', via: { key: 'provider_id', remote: 'name' } },
    serviceStatus,
  ],
};

export const customerContract: ClassDef = {
  name: 'CustomerContract',
  parent: 'Contract',
  attributes: [{ code: 'services_list', label: 'Services', type: 'linkset' }],
};

export const lnkCustomerContractToService: ClassDef = {
  name: 'lnkCustomerContractToService',
  naming: ['customercontract_id', 'service_id'],
  attributes: [
    { code: 'customercontract_id', label: 'Customer contract', type: 'extkey', mandatory: true, target: 'CustomerContract', onTargetDelete: 'auto' },
    { code: 'customercontract_name', label: 'Customer contract name', type: 'extfield', via: { key: 'customercontract_id', remote: 'name' } },
    { code: 'service_id', label: 'Service', type: 'extkey', mandatory: true, target: 'Service', onTargetDelete: 'auto' },
    { code: 'service_name', label: 'Service name', type: 'extfield', via: { key: 'service_id', remote: 'name' } },
  ],
};
