/** Word lists for generated data: organisations per country, common names, ticket titles. */
import type { CountryCode } from './phone-formats';

/** [name, country, e-mail domain, city] */
export const GENERATED_ORGS: readonly (readonly [string, CountryCode, string, string])[] = [
  ['Boulangeries Lefèvre SA', 'FR', 'lefevre.fr', 'Lyon'],
  ['Transports Rhône-Alpes', 'FR', 'tra.fr', 'Grenoble'],
  ['Müller Maschinenbau AG', 'DE', 'mueller-mb.de', 'Stuttgart'],
  ['Nordlicht Logistik GmbH', 'DE', 'nordlicht.de', 'Hamburg'],
  ['Thames Analytics Ltd', 'GB', 'thames-analytics.co.uk', 'London'],
  ['Highland Textiles plc', 'GB', 'highland.co.uk', 'Glasgow'],
  ['Bay Area Robotics Inc.', 'US', 'bayrobotics.com', 'San Francisco'],
  ['Hudson Valley Foods LLC', 'US', 'hvfoods.com', 'New York'],
  ['Zürcher Uhren AG', 'CH', 'zuercher-uhren.ch', 'Zürich'],
  ['Léman Finance SA', 'CH', 'leman-finance.ch', 'Genève'],
  ['Brabant Brasserie NV', 'BE', 'brabant.be', 'Bruxelles'],
  ['Liège Acier SA', 'BE', 'liege-acier.be', 'Liège'],
];

const FR_FIRST = ['Camille', 'Léa', 'Chloé', 'Manon', 'Inès', 'Lucas', 'Hugo', 'Louis', 'Jules', 'Gabriel', 'Émile', 'Zoé', 'Théo', 'Maëlle'];
const FR_LAST = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Lefèvre', 'Girard', 'Fournier'];
const DE_FIRST = ['Anna', 'Lukas', 'Sophie', 'Maximilian', 'Marie', 'Paul', 'Emma', 'Felix', 'Jürgen', 'Lena', 'Jörg', 'Käthe'];
const DE_LAST = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schulz', 'Groß', 'Köhler'];
const GB_FIRST = ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Ava', 'Noah', 'Mia', 'Jack', 'Sophie'];
const GB_LAST = ['Taylor', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Walker', "O'Brien", 'Wright', 'Hughes', 'Green'];
const US_FIRST = ['John', 'Emily', 'Michael', 'Sarah', 'David', 'Jessica', 'Robert', 'Olivia', 'James', 'Ashley'];
const US_LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Wilson', 'Garcia', 'Martinez', 'Anderson'];
const CH_FIRST = ['Noah', 'Mia', 'Luca', 'Lara', 'Elias', 'Léa', 'Nico', 'Giulia', 'Matteo', 'Anouk'];
const CH_LAST = ['Meier', 'Keller', 'Gerber', 'Brunner', 'Baumann', 'Favre', 'Rochat', 'Bianchi', 'Steiner', 'Huber'];
const BE_FIRST = ['Lucas', 'Emma', 'Arthur', 'Louise', 'Noah', 'Elise', 'Jules', 'Marie', 'Wout', 'Fien'];
const BE_LAST = ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Dubois', 'Lambert', 'Dupont'];

export const NAMES: Readonly<Record<CountryCode, { readonly first: readonly string[]; readonly last: readonly string[] }>> = {
  FR: { first: FR_FIRST, last: FR_LAST },
  DE: { first: DE_FIRST, last: DE_LAST },
  GB: { first: GB_FIRST, last: GB_LAST },
  US: { first: US_FIRST, last: US_LAST },
  CH: { first: CH_FIRST, last: CH_LAST },
  BE: { first: BE_FIRST, last: BE_LAST },
};

export const TICKET_TITLES = [
  'Printer does not print', 'VPN disconnects', 'Password expired', 'New laptop needed', 'E-mail not syncing on phone',
  'Cannot access shared drive', 'Headset not recognized', 'Screen flickers', 'Software licence request', 'Wi-Fi outage',
  'Phone line dead', 'Badge does not open the door', 'ERP very slow', 'Mailbox full', 'Request access to project folder',
];
