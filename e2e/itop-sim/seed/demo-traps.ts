/**
 * The demo dataset (the default): the recorded instance plus one Person per caller-identification trap of
 * issue 12, so `npm start`, the browser e2e and the CLI show each rule on real data. Ids follow the recorded
 * ones (Persons 1-74, Tickets 1-37). Not part of the 'recorded' dataset, which stays equal to the recordings.
 *
 * - Camille Martin (42) `+33 1 23 45 67 89` and Anna Müller (54) `+49 151 23456789` end with the same
 *   8 digits, both certain: ringing either shows that person only.
 * - Sacha Roux `06 23 45 67 89`, national but certain (Location "Paris office", country France): never a
 *   match for 01 23 45 67 89, although the last 8 digits are equal.
 * - Yves Ancien `+33 1 23 45 67 50`, inactive, the only Person with that number: offered, never selected.
 * - Jonas Wolf `030 1234567` at Globex with no Location and no orgRegions: read as French only because of
 *   the default region, so uncertain; ringing Anna's +49 30 1234567 offers him as "probable: check".
 */

/** [id, name, org, city, country] */
export const DEMO_LOCATIONS: readonly (readonly [number, string, number, string, string])[] = [[4, 'Paris office', 4, 'Paris', 'France']];

type TrapPerson = readonly [id: number, firstName: string, lastName: string, org: number, email: string, phone: string, mobile: string, location: number, status: 'active' | 'inactive'];

export const DEMO_TRAP_PERSONS: readonly TrapPerson[] = [
  [75, 'Sacha', 'Roux', 4, 'sacha.roux@acme.fr', '', '06 23 45 67 89', 4, 'active'],
  [76, 'Yves', 'Ancien', 4, 'yves.ancien@acme.fr', '+33 1 23 45 67 50', '', 0, 'inactive'],
  [77, 'Jonas', 'Wolf', 5, 'jonas.wolf@globex.de', '030 1234567', '', 0, 'active'],
];

/** [id, class, caller, status, origin, time, title]: one open request each, to show whose tickets are listed. */
export const DEMO_TRAP_TICKETS: readonly (readonly [number, 'UserRequest', number, string, string, string, string])[] = [
  [38, 'UserRequest', 75, 'new', 'phone', '19:34:00', 'Roaming does not work abroad'],
  [39, 'UserRequest', 76, 'new', 'mail', '19:34:01', 'Archive my former mailbox'],
  [40, 'UserRequest', 77, 'new', 'phone', '19:34:02', 'VPN-Zugang für Werkstudent'],
];
