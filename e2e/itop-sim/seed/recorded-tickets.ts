/**
 * Tickets and phone calls of the recorded instance (recordings 05, 06, 12, 12b, 12c, 16). Ticket ids
 * share one sequence and refs equal ids there (I-000035, I-000036, R-000037). Open UserRequests,
 * their callers, statuses, origins and start dates are recorded (12); Incidents' titles and callers
 * come from the phone calls (16); their statuses, and the two closed requests (7, 33), are the
 * simulator's choice within what the recordings allow (12b: 35 and 36 ongoing; 12c: Incident 3).
 */

type TicketRow = readonly [
  id: number, cls: 'UserRequest' | 'Incident', caller: number, status: string, origin: string, startTime: string, title: string,
  impact?: string, urgency?: string,
];

export const RECORDED_TICKETS: readonly TicketRow[] = [
  [2, 'UserRequest', 42, 'new', 'phone', '19:33:27', 'Cannot access shared drive S:'],
  [3, 'Incident', 43, 'assigned', 'phone', '19:33:28', 'VPN disconnects every 10 minutes', '1', '1'],
  [4, 'UserRequest', 43, 'new', 'mail', '19:33:28', 'New laptop for intern'],
  [5, 'UserRequest', 45, 'pending', 'phone', '19:33:29', 'Password reset for ERP', '3', '2'],
  [6, 'UserRequest', 45, 'resolved', 'phone', '19:33:29', 'Outlook profile repair'],
  [7, 'UserRequest', 46, 'closed', 'phone', '19:33:30', 'Reset voicemail PIN'],
  [8, 'UserRequest', 46, 'new', 'phone', '19:33:30', 'Install Visio'],
  [9, 'Incident', 48, 'new', 'phone', '19:33:31', 'Phone headset not recognized', '3', '3'],
  [10, 'Incident', 48, 'resolved', 'phone', '19:33:31', 'Wi-Fi outage 3rd floor', '2', '2'],
  [11, 'UserRequest', 49, 'assigned', 'in_person', '19:33:32', 'Access badge for new office'],
  [12, 'UserRequest', 50, 'new', 'phone', '19:33:32', 'Mobile phone replacement'],
  [13, 'UserRequest', 50, 'new', 'mail', '19:33:32', 'Add to distribution list'],
  [14, 'Incident', 52, 'assigned', 'phone', '19:33:33', 'Switchboard: calls drop after transfer', '1', '2'],
  [15, 'UserRequest', 54, 'new', 'phone', '19:33:34', 'SAP GUI installation'],
  [16, 'Incident', 54, 'new', 'phone', '19:33:34', 'Drucker druckt nur leere Seiten', '3', '3'],
  [17, 'Incident', 55, 'pending', 'phone', '19:33:34', 'Monitor flickers', '3', '4'],
  [18, 'UserRequest', 57, 'new', 'mail', '19:33:35', 'Licence for Adobe Acrobat'],
  [19, 'UserRequest', 57, 'pending', 'phone', '19:33:35', 'Home office equipment'],
  [20, 'UserRequest', 57, 'new', 'phone', '19:33:35', 'Shared mailbox access'],
  [21, 'Incident', 59, 'closed', 'phone', '19:33:36', 'Laptop does not boot', '3', '2'],
  [22, 'UserRequest', 59, 'new', 'phone', '19:33:37', 'Second screen'],
  [23, 'UserRequest', 60, 'new', 'portal', '19:33:37', 'Teams room booking panel'],
  [24, 'Incident', 62, 'assigned', 'phone', '19:33:38', 'Network share very slow in Munich office', '2', '3'],
  [25, 'UserRequest', 63, 'assigned', 'phone', '19:33:38', 'Smartphone e-mail setup'],
  [26, 'Incident', 64, 'new', 'phone', '19:33:39', 'TPS report generator crashes', '2', '2'],
  [27, 'UserRequest', 64, 'assigned', 'phone', '19:33:39', 'Stapler replacement'],
  [28, 'UserRequest', 66, 'new', 'phone', '19:33:40', 'Conference call dial-in not working', '2', '2'],
  [29, 'UserRequest', 67, 'new', 'mail', '19:33:40', 'Access to payroll folder'],
  [30, 'Incident', 67, 'resolved', 'phone', '19:33:40', 'Printer toner low warning stuck', '3', '4'],
  [31, 'Incident', 69, 'new', 'phone', '19:33:41', 'London office: no internet', '1', '1'],
  [32, 'UserRequest', 70, 'new', 'phone', '19:33:41', 'UK keyboard layout'],
  [33, 'UserRequest', 70, 'closed', 'phone', '19:33:42', 'Password expired'],
  [34, 'UserRequest', 72, 'new', 'phone', '19:33:43', 'Badge reader at main entrance'],
  [35, 'Incident', 73, 'new', 'phone', '19:33:43', 'Disk almost full on file server', '2', '3'],
  [36, 'Incident', 73, 'assigned', 'phone', '19:33:43', 'Cannot print to plotter', '3', '3'],
  [37, 'UserRequest', 73, 'new', 'phone', '19:33:43', 'Replace broken mouse'],
];

/** Recording 05: the first ticket, created through REST on the fresh instance. */
export const FIRST_REQUEST = {
  id: 1, caller: 2, org: 3, origin: 'phone', title: 'Printer on 2nd floor does not print', startDate: '2026-11-23 19:32:00',
  description: '<p>Caller reports that the printer on the 2nd floor shows a paper jam error although no paper is jammed.</p>',
} as const;

export const RECORDED_DAY = '2026-11-23';

/** [id, ticket, contact, date, note]: every call was inbound, answered by Carla Tiago (Person 40). */
export const RECORDED_CALLS: readonly (readonly [number, number, number, string, string])[] = [
  [1, 1, 2, "2026-11-23 19:30:15", "Caller: printer paper jam; ticket created during the call."],
  [2, 2, 42, "2026-11-22 00:33:27", "Inbound call from Camille Martin about: Cannot access shared drive S:"],
  [3, 3, 43, "2026-11-21 23:33:28", "Inbound call from Lucas Bernard about: VPN disconnects every 10 minutes"],
  [4, 5, 45, "2026-11-21 21:33:29", "Inbound call from Hugo Thomas about: Password reset for ERP"],
  [5, 6, 45, "2026-11-21 20:33:29", "Inbound call from Hugo Thomas about: Outlook profile repair"],
  [6, 8, 46, "2026-11-21 20:33:30", "Inbound call from Chloé Robert about: Install Visio"],
  [7, 9, 48, "2026-11-23 18:33:31", "Inbound call from Manon Petit about: Phone headset not recognized"],
  [8, 10, 48, "2026-11-23 17:33:31", "Inbound call from Manon Petit about: Wi-Fi outage 3rd floor"],
  [9, 12, 50, "2026-11-23 16:33:32", "Inbound call from Inès Leroy about: Mobile phone replacement"],
  [10, 14, 52, "2026-11-23 14:33:33", "Inbound call from Nathalie Girard about: Switchboard: calls drop after transfer"],
  [11, 15, 54, "2026-11-23 12:33:34", "Inbound call from Anna Müller about: SAP GUI installation"],
  [12, 16, 54, "2026-11-23 11:33:34", "Inbound call from Anna Müller about: Drucker druckt nur leere Seiten"],
  [13, 17, 55, "2026-11-23 11:33:34", "Inbound call from Lukas Schmidt about: Monitor flickers"],
  [14, 19, 57, "2026-11-23 08:33:35", "Inbound call from Maximilian Fischer about: Home office equipment"],
  [15, 20, 57, "2026-11-23 07:33:35", "Inbound call from Maximilian Fischer about: Shared mailbox access"],
  [16, 21, 59, "2026-11-23 07:33:36", "Inbound call from Paul Meyer about: Laptop does not boot"],
  [17, 22, 59, "2026-11-23 06:33:37", "Inbound call from Paul Meyer about: Second screen"],
  [18, 24, 62, "2026-11-23 04:33:38", "Inbound call from Jürgen Hoffmann about: Network share very slow in Munich office"],
  [19, 25, 63, "2026-11-23 03:33:38", "Inbound call from Lena Schulz about: Smartphone e-mail setup"],
  [20, 26, 64, "2026-11-23 02:33:39", "Inbound call from John Smith about: TPS report generator crashes"],
  [21, 27, 64, "2026-11-23 01:33:39", "Inbound call from John Smith about: Stapler replacement"],
  [22, 28, 66, "2026-11-23 00:33:40", "Inbound call from Michael Williams about: Conference call dial-in not working"],
  [23, 30, 67, "2026-11-22 22:33:40", "Inbound call from Sarah Brown about: Printer toner low warning stuck"],
  [24, 31, 69, "2026-11-22 21:33:41", "Inbound call from Oliver Taylor about: London office: no internet"],
  [25, 32, 70, "2026-11-22 20:33:41", "Inbound call from Amelia Davies about: UK keyboard layout"],
  [26, 33, 70, "2026-11-22 19:33:42", "Inbound call from Amelia Davies about: Password expired"],
  [27, 34, 72, "2026-11-22 18:33:43", "Inbound call from Jessica Wilson about: Badge reader at main entrance"],
  [28, 36, 73, "2026-11-22 16:33:43", "Inbound call from Robert Miller about: Cannot print to plotter"],
  [29, 37, 73, "2026-11-22 15:33:43", "Inbound call from Robert Miller about: Replace broken mouse"],
];
