/**
 * People of the recorded iTop 3.2.0 instance, with the exact ids, names, organisations and phone
 * formats of recordings 03 and 11: iTop's sample data (ids 1-35), four teams (36-39, "Helpdesk" = 37
 * per recording 12c; the other names are the simulator's), the two CTI users' persons (40, 41) and
 * the 33 persons with varied phone formats added before recording 11 (42-74, organisations 4-6).
 */

/** [id, name, code] — organisations 4-6 came with the extra persons. */
export const RECORDED_ORGS: readonly (readonly [number, string, string])[] = [
  [1, 'My Company/Department', 'SOMECODE'],
  [2, 'IT Department', 'IT'],
  [3, 'Demo', 'DEMO'],
  [4, 'Acme France SAS', 'ACME-FR'],
  [5, 'Globex GmbH', 'GLOBEX-DE'],
  [6, 'Initech Inc.', 'INITECH-US'],
];

/** [id, name, org, email] */
export const RECORDED_TEAMS: readonly (readonly [number, string, number, string])[] = [
  [36, 'Hardware support', 2, 'hardware@it.com'],
  [37, 'Helpdesk', 2, ''],
  [38, 'Network support', 2, 'network@it.com'],
  [39, 'Software support', 2, 'software@it.com'],
];

/** Persons that existed before the extras were added (recording 03: "Found: 37"). */
export const FRESH_PERSON_MAX_ID = 41;
export const FRESH_ORG_MAX_ID = 3;

type PersonRow = readonly [id: number, firstName: string, lastName: string, org: number, email: string, phone: string, mobile: string, status?: 'inactive'];

export const RECORDED_PERSONS: readonly PersonRow[] = [
  [1, "My first name", "My last name", 1, "my.email@foo.org", "", ""],
  [2, "Pablo", "Picasso", 3, "pablo.picasso@demo.com", "", ""],
  [3, "Salvador", "Dali", 3, "salvator.dali@demo.com", "", ""],
  [4, "Jean-Jacques", "Rousseau", 2, "jeanjacques.rousseau@it.com", "", ""],
  [5, "Eugene", "Delacroix", 3, "eugene.delacroix@demo.com", "", ""],
  [6, "Claude", "Monet", 3, "claude.monet@demo.com", "", ""],
  [7, "Victor", "Hugo", 2, "victor.hugo@it.com", "", ""],
  [8, "Frida", "Kahlo", 3, "frida.kahlo@demo.com", "", ""],
  [9, "Jules", "Verne", 2, "jules.vernes@it.com", "", ""],
  [10, "Gustave", "Flaubert", 2, "gustave.flaubert@it.com", "", ""],
  [11, "Jean", "Cocteau", 2, "jean.cocteau@it.com", "", ""],
  [12, "Anna", "Gavalda", 2, "anna.gavalda@it.com", "", ""],
  [13, "Marguerite", "Duras", 2, "marguerite.duras@it.com", "", ""],
  [14, "Jean-Paul", "Sartre", 2, "jeanpaul.sartre@it.com", "", ""],
  [15, "Agatha", "Christie", 3, "agatha.christie@demo.com", "", ""],
  [16, "Boris", "Vian", 2, "boris.vian@it.com", "", ""],
  [17, "Charlie", "Parker", 2, "charlie.parker@it.com", "", ""],
  [18, "René", "Descartes", 3, "rene.descartes@demo.com", "", ""],
  [19, "Stanley", "Kubrick", 2, "stanley.kubrick@it.com", "", ""],
  [20, "Ethel Lilian", "Voynich", 2, "ethel.lilian.voynich@it.com", "", ""],
  [21, "Simone", "de Beauvoir", 2, "simone.debeauvoir@it.com", "", ""],
  [22, "Daniel", "Pennac", 2, "daniel.pennac@it.com", "", ""],
  [23, "George", "Sand", 2, "george.sand@it.com", "", ""],
  [24, "Frédéric", "Dard", 2, "frederic.dard@it.com", "", ""],
  [25, "Virginie", "Grimaldi", 2, "virginie.grimaldi@it.com", "", ""],
  [26, "Jean", "Ferrat", 2, "jean.ferrat@it.com", "", ""],
  [27, "Georges", "Brassens", 2, "georges.brassens@it.com", "", ""],
  [28, "Michael", "Crichton", 2, "michael.crichton@it.com", "", ""],
  [29, "Romy", "Schneider", 2, "romy.schneider@it.com", "", ""],
  [30, "Pierre", "Richard", 2, "pierre.richard@it.com", "", ""],
  [31, "Michel", "Colucci", 2, "michel.colucci@it.com", "", ""],
  [32, "Vassily", "Kandinsky", 2, "vassily.kandinsky@it.com", "", ""],
  [33, "Charles", "Aznavour", 2, "charles.aznavour@it.com", "", ""],
  [34, "Pierre", "Bottero", 2, "pierre.bottero@it.com", "", ""],
  [35, "Pierre", "Perret", 2, "pierre.perret@it.com", "", ""],
  [40, "Carla", "Tiago", 2, "cti.agent@it.com", "+33 1 70 00 00 01", "+33 6 70 00 00 01"],
  [41, "Adam", "Minski", 2, "cti.admin@it.com", "+33 1 70 00 00 02", ""],
  [42, "Camille", "Martin", 4, "camille.martin@acme.fr", "+33 1 23 45 67 89", "+33 6 12 34 56 78"],
  [43, "Lucas", "Bernard", 4, "lucas.bernard@acme.fr", "01 23 45 67 90", "06 12 34 56 79"],
  [44, "Léa", "Dubois", 4, "lea.dubois@acme.fr", "0033123456791", ""],
  [45, "Hugo", "Thomas", 4, "hugo.thomas@acme.fr", "+33 (0)1 23 45 67 92", "+33 (0)6 12 34 56 80"],
  [46, "Chloé", "Robert", 4, "chloe.robert@acme.fr", "01.23.45.67.93", "06.12.34.56.81"],
  [47, "Louis", "Richard", 4, "louis.richard@acme.fr", "0123456794", "0612345682"],
  [48, "Manon", "Petit", 4, "manon.petit@acme.fr", "+33123456795", "+33612345683"],
  [49, "Gabriel", "Durand", 4, "gabriel.durand@acme.fr", "ext 1234", "+33 7 81 23 45 67"],
  [50, "Inès", "Leroy", 4, "ines.leroy@acme.fr", "", "07 81 23 45 68"],
  [51, "Jules", "Moreau", 4, "jules.moreau@acme.fr", "+33 1 23 45 67 97 poste 212", ""],
  [52, "Nathalie", "Girard", 4, "nathalie.girard@acme.fr", "+33 1 23 45 67 00", ""],
  [53, "Pierre", "Lambert", 4, "pierre.lambert@acme.fr", "01 23 45 67 00", "+33 6 98 76 54 32"],
  [54, "Anna", "Müller", 5, "anna.mueller@globex.de", "+49 (0)30 1234567", "+49 151 23456789"],
  [55, "Lukas", "Schmidt", 5, "lukas.schmidt@globex.de", "030/1234568", "0151/23456790"],
  [56, "Sophie", "Schneider", 5, "sophie.schneider@globex.de", "+49 30 1234569", "+49 (0)151 2345 6791"],
  [57, "Maximilian", "Fischer", 5, "max.fischer@globex.de", "0049 30 1234570", ""],
  [58, "Marie", "Weber", 5, "marie.weber@globex.de", "030 1234571", "0151 23456792"],
  [59, "Paul", "Meyer", 5, "paul.meyer@globex.de", "+49-30-1234572", "+49-151-23456793"],
  [60, "Emma", "Wagner", 5, "emma.wagner@globex.de", "(030) 1234573", ""],
  [61, "Felix", "Becker", 5, "felix.becker@globex.de", "+49 30 1234574-12", "015123456794"],
  [62, "Jürgen", "Hoffmann", 5, "juergen.hoffmann@globex.de", "+49 89 12345-0", ""],
  [63, "Lena", "Schulz", 5, "lena.schulz@globex.de", "", "+4915123456795"],
  [64, "John", "Smith", 6, "john.smith@initech.com", "+1 (415) 555-0100", "+1 415 555 0199"],
  [65, "Emily", "Johnson", 6, "emily.johnson@initech.com", "415.555.0101", "(415) 555-0102"],
  [66, "Michael", "Williams", 6, "michael.williams@initech.com", "415-555-0103 ext 1234", "+14155550104"],
  [67, "Sarah", "Brown", 6, "sarah.brown@initech.com", "1-415-555-0105", ""],
  [68, "David", "Jones", 6, "david.jones@initech.com", "+1 415-555-0106 x204", "415 555 0107"],
  [69, "Oliver", "Taylor", 6, "oliver.taylor@initech.co.uk", "+44 20 7946 0958", "+44 7700 900123"],
  [70, "Amelia", "Davies", 6, "amelia.davies@initech.co.uk", "020 7946 0959", "07700 900124"],
  [71, "Harry", "Evans", 6, "harry.evans@initech.co.uk", "+44 (0)20 7946 0960", ""],
  [72, "Jessica", "Wilson", 6, "jessica.wilson@initech.com", "ext 4321", "+1 (628) 555-0110"],
  [73, "Robert", "Miller", 6, "robert.miller@initech.com", "+1.415.555.0111", ""],
  [74, "Olivia", "Former", 6, "olivia.former@initech.com", "+1 (415) 555-0112", "", 'inactive'],
];
