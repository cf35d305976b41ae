import { describe, it, expect } from 'vitest';
import { toTicketSummary } from './ticket-summary';
import { listDefinitions } from './list-definitions';
import { defaultTelephonyParameters, parseTelephony } from '../../../shared/config';

describe('ticket rows', () => {
  it('keeps status and priority codes and prefers full names', () => {
    const row = toTicketSummary({
      class: 'UserRequest',
      id: '12',
      fields: { ref: 'R-000012', title: 'Printer', status: 'assigned', priority: '2', caller_id_friendlyname: 'Pablo Picasso', caller_name: 'Picasso', agent_id_friendlyname: 'Carla Tiago', start_date: '2024-05-02 10:00:00', last_update: '', sla_tto_over: null },
    });
    expect(row).toMatchObject({ id: '12', class: 'UserRequest', ref: 'R-000012', status: 'assigned', priority: '2', callerName: 'Pablo Picasso', agentName: 'Carla Tiago', startDate: '2024-05-02 10:00:00' });
    expect(row.lastUpdate).toBeUndefined();
    expect(row.fields['sla_tto_over']).toBe('');
    // What a named property shows is not repeated; what it did not use (caller_name, an empty date) stays.
    expect(row.fields).toEqual({ caller_name: 'Picasso', last_update: '', sla_tto_over: '' });
  });

  it('still shows something for a class without ref/title (PhoneCall)', () => {
    expect(toTicketSummary({ class: 'PhoneCall', id: '3', fields: { friendlyname: 'Call 3', flow: 'inbound' } })).toMatchObject({ ref: 'Call 3', status: 'inbound', title: '' });
  });
});

describe('list definitions', () => {
  it('keeps enabled lists only, labelled in the agent language, with stable ids and classes', () => {
    const params = defaultTelephonyParameters();
    const lists = [...params.display_tickets.lists, { enabled: false, label: 'Off', query: 'SELECT Problem' }, { enabled: true, label: 'Incidents', 'label/FR FR': 'Incidents ouverts', query: 'SELECT Incident AS i WHERE i.caller_id IN (:callers_list)' }];
    const { telephony } = parseTelephony({ ...params, display_tickets: { lists } });
    const defs = listDefinitions(telephony.display_tickets.lists, 'fr');
    expect(defs.map((d) => [d.id, d.className, d.label])).toEqual([
      ['list-0', 'UserRequest', 'User Requests opened for this caller'],
      ['list-1', 'UserRequest', 'User Requests opened for the organization of the caller'],
      ['list-3', 'Incident', 'Incidents ouverts'],
    ]);
  });
});
