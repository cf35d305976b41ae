import { l, values } from './labels';
import type { ClassModelInput } from './schema';

/**
 * Organization, Location, Contact → Person / Team and the service catalogue classes as iTop 3.x defines
 * them (datamodels/2.x/itop-structure and itop-service-mgmt, with their en/fr/de dictionaries). Classes that
 * are only targets of external keys keep just their label and name, for the pickers.
 */
const activeInactive = values([
  ['active', l('Active', 'Actif', 'Aktiv')],
  ['inactive', l('Inactive', 'Inactif', 'Inaktiv')],
]);
const status = l('Status', 'Etat', 'Status');
const name = l('Name', 'Nom', 'Name');

export const STANDARD_CONTACTS: Readonly<Record<string, ClassModelInput>> = {
  Organization: {
    label: l('Organization', 'Organisation', 'Organisation'),
    attributes: [
      { code: 'name', kind: 'string', label: l('Name', 'Nom organisation', 'Name'), mandatory: true },
      { code: 'code', kind: 'string', label: l('Code', 'Code', 'Kennziffer') },
      { code: 'status', kind: 'enum', label: status, default: 'active', values: activeInactive },
      { code: 'parent_id', kind: 'extkey', target: 'Organization', label: l('Parent', 'Organisation Parent', 'Mutterfirma') },
    ],
  },
  Location: {
    label: l('Location', 'Lieu', 'Standort'),
    attributes: [
      { code: 'name', kind: 'string', label: name, mandatory: true },
      { code: 'status', kind: 'enum', label: status, default: 'active', values: activeInactive },
      { code: 'org_id', kind: 'extkey', target: 'Organization', label: l('Owner organization', 'Organisation', 'Organisation'), mandatory: true },
      { code: 'city', kind: 'string', label: l('City', 'Ville', 'Stadt') },
    ],
  },
  Contact: {
    label: l('Contact', 'Contact', 'Kontakt'),
    attributes: [
      { code: 'name', kind: 'string', label: name, mandatory: true },
      { code: 'status', kind: 'enum', label: status, mandatory: true, default: 'active', values: activeInactive },
      { code: 'org_id', kind: 'extkey', target: 'Organization', label: l('Organization', 'Organisation', 'Organisation'), mandatory: true },
      { code: 'email', kind: 'email', label: l('Email', 'Email', 'E-Mail') },
      { code: 'phone', kind: 'phone', label: l('Phone', 'Téléphone', 'Telefonnummer') },
      { code: 'notify', kind: 'enum', label: l('Notification', 'Notification', 'Benachrichtigung'), default: 'yes', values: values([['yes', l('yes', 'oui', 'Ja')], ['no', l('no', 'non', 'Nein')]]) },
      { code: 'function', kind: 'string', label: l('Function', 'Fonction', 'Funktion') },
    ],
  },
  Person: {
    label: l('Person', 'Personne', 'Person'),
    parent: 'Contact',
    attributes: [
      { code: 'name', kind: 'string', label: l('Last Name', 'Nom', 'Name'), mandatory: true },
      { code: 'first_name', kind: 'string', label: l('First Name', 'Prénom', 'Vorname'), mandatory: true },
      { code: 'employee_number', kind: 'string', label: l('Employee number', "Numéro d'employé", 'Personalnummer') },
      { code: 'mobile_phone', kind: 'phone', label: l('Mobile phone', 'Téléphone mobile', 'Mobiltelefon') },
      // iTop offers the locations of the organization and of its parents (BELOW); this is the organization's own.
      { code: 'location_id', kind: 'extkey', target: 'Location', label: l('Location', 'Site', 'Standort'), filter: 'SELECT Location WHERE org_id = :this->org_id' },
      { code: 'manager_id', kind: 'extkey', target: 'Person', label: l('Manager', 'Manager', 'Manager'), filter: 'SELECT Person' },
    ],
    form: ['first_name', 'name', 'org_id', 'email', 'phone', 'mobile_phone', 'location_id'],
  },
  Team: { label: l('Team', 'Equipe', 'Team'), parent: 'Contact' },
  Service: {
    label: l('Service', 'Service', 'Service'),
    attributes: [
      { code: 'name', kind: 'string', label: name, mandatory: true },
      { code: 'org_id', kind: 'extkey', target: 'Organization', label: l('Provider', 'Fournisseur', 'Anbieter'), mandatory: true },
    ],
  },
  ServiceSubcategory: {
    label: l('Service Subcategory', 'Sous catégorie de service', 'Service-Unterkategorien'),
    attributes: [
      { code: 'name', kind: 'string', label: name, mandatory: true },
      { code: 'service_id', kind: 'extkey', target: 'Service', label: l('Service', 'Service', 'Service'), mandatory: true },
      { code: 'request_type', kind: 'enum', label: l('Request type', 'Type de requête', 'Request-Typ'), mandatory: true, default: 'incident', values: values([['incident', l('incident', 'incident', 'Incident')], ['service_request', l('service request', 'demande de service', 'Service-Request')]]) },
    ],
  },
  Change: { label: l('Change', 'Ticket de Changement', 'Change') },
};
