import { l, values } from './labels';
import type { AttributeModel, ClassModelInput } from './schema';

/**
 * Ticket, UserRequest and Incident as iTop 3.x defines them (datamodels/2.x/itop-tickets,
 * itop-request-mgmt-itil, itop-incident-mgmt-itil: fields, is_null_allowed, default values, `<filter>`s,
 * and their en/fr/de dictionaries). Only what a creation form writes: no computed, read-only or
 * lifecycle attributes (status, priority, dates, stopwatches).
 */
type Attr = AttributeModel | (Omit<AttributeModel, 'mandatory'> & { mandatory?: boolean });

const impactValues = values([
  ['1', l('A department', 'Un département', 'Eine Abteilung')],
  ['2', l('A service', 'Un service', 'Ein Service')],
  ['3', l('A person', 'Une personne', 'Eine Person')],
]);
const urgencyValues = values([
  ['1', l('Critical', 'Critique', 'Kritisch')],
  ['2', l('High', 'Haute', 'Hoch')],
  ['3', l('Medium', 'Moyenne', 'Mittel')],
  ['4', l('Low', 'Basse', 'Niedrig')],
]);
const origins = [
  ['in_person', l('In-person', 'En personne', 'Persönlich')],
  ['chat', l('Chat', 'Chat', 'Chat')],
  ['mail', l('Email', 'Email', 'Mail')],
  ['phone', l('Phone', 'Téléphone', 'Telefon')],
  ['portal', l('Portal', 'Portail', 'Portal')],
] as const;

const impact: Attr = { code: 'impact', kind: 'enum', label: l('Impact', 'Impact', 'Auswirkung'), mandatory: true, default: '1', values: impactValues };
const urgency: Attr = { code: 'urgency', kind: 'enum', label: l('Urgency', 'Urgence', 'Dringlichkeit'), mandatory: true, default: '4', values: urgencyValues };
const service: Attr = {
  code: 'service_id', kind: 'extkey', target: 'Service', label: l('Service', 'Service', 'Service'),
  // What the organization's customer contracts offer, as iTop's form and portal propose.
  filter: "SELECT Service AS s JOIN lnkCustomerContractToService AS l1 ON l1.service_id=s.id JOIN CustomerContract AS cc ON l1.customercontract_id=cc.id WHERE cc.org_id = :this->org_id AND s.status != 'obsolete'",
};
const subcategory = (requestType: string): Attr => ({
  code: 'servicesubcategory_id', kind: 'extkey', target: 'ServiceSubcategory', label: l('Service subcategory', 'Sous catégorie de service', 'Service-Unterkategorie'),
  filter: `SELECT ServiceSubcategory WHERE service_id = :this->service_id AND request_type = ${requestType} AND status != 'obsolete'`,
});
const publicLog: Attr = { code: 'public_log', kind: 'caselog', label: l('Public log', 'Journal public', 'Öffentliches Log') };
const parentIncident: Attr = { code: 'parent_incident_id', kind: 'extkey', target: 'Incident', label: l('Parent incident', 'Incident parent', 'Parent-Incident'), filter: 'SELECT Incident WHERE status != "closed"' };
const parentChange: Attr = { code: 'parent_change_id', kind: 'extkey', target: 'Change', label: l('Parent change', 'Changement parent', 'Parent-Change'), filter: 'SELECT Change WHERE status != "closed"' };

export const STANDARD_TICKETS: Readonly<Record<string, ClassModelInput>> = {
  Ticket: {
    label: l('Ticket', 'Ticket', 'Ticket'),
    attributes: [
      { code: 'org_id', kind: 'extkey', target: 'Organization', label: l('Organization', 'Client', 'Organisation'), mandatory: true },
      { code: 'caller_id', kind: 'extkey', target: 'Person', label: l('Caller', 'Demandeur', 'Melder'), filter: 'SELECT Person WHERE org_id = :this->org_id' },
      { code: 'team_id', kind: 'extkey', target: 'Team', label: l('Team', 'Equipe', 'Team'), filter: 'SELECT Team' },
      // iTop narrows the agent to the team's members (lnkPersonToTeam); without a team any person is offered.
      { code: 'agent_id', kind: 'extkey', target: 'Person', label: l('Agent', 'Agent', 'Bearbeiter') },
      { code: 'title', kind: 'string', label: l('Title', 'Titre', 'Titel'), mandatory: true },
      { code: 'description', kind: 'html', label: l('Description', 'Description', 'Beschreibung'), mandatory: true },
      { code: 'private_log', kind: 'caselog', label: l('Private log', 'Journal privé', 'Privates Log') },
    ],
    form: ['caller_id'],
  },
  UserRequest: {
    label: l('User Request', 'Demande Utilisateur', 'Benutzeranfrage'),
    parent: 'Ticket',
    attributes: [
      { code: 'request_type', kind: 'enum', label: l('Request Type', 'Type de Requête', 'Benutzeranfrage-Typ'), default: 'service_request', values: values([['service_request', l('Service request', 'demande de service', 'Service-Request')]]) },
      impact,
      urgency,
      { code: 'origin', kind: 'enum', label: l('Origin', 'Origine', 'Herkunft'), default: 'phone', values: values(origins) },
      { code: 'approver_id', kind: 'extkey', target: 'Person', label: l('Approver', 'Approbateur', 'Genehmiger'), filter: 'SELECT Person WHERE org_id= :this->org_id' },
      service,
      subcategory(':this->request_type'),
      { code: 'parent_request_id', kind: 'extkey', target: 'UserRequest', label: l('Parent request', 'Requête parente', 'Parent-Request'), filter: "SELECT UserRequest WHERE id != :this->id AND status NOT IN ('rejected','resolved','closed')" },
      parentIncident,
      parentChange,
      publicLog,
    ],
    form: ['caller_id', 'origin', 'service_id', 'servicesubcategory_id'],
  },
  Incident: {
    label: l('Incident', 'Incident', 'Incident'),
    parent: 'Ticket',
    attributes: [
      impact,
      urgency,
      { code: 'origin', kind: 'enum', label: l('Origin', 'Origine', 'Herkunft'), default: 'phone', values: values([...origins, ['monitoring', l('Monitoring', 'Supervision', 'Monitoring')]]) },
      service,
      subcategory("'incident'"),
      { ...parentIncident, filter: "SELECT Incident WHERE id != :this->id AND status NOT IN ('resolved','closed')" },
      parentChange,
      publicLog,
    ],
    form: ['caller_id', 'origin', 'service_id', 'servicesubcategory_id'],
  },
};
