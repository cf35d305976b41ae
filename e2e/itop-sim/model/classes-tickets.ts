/**
 * Ticket and its ITIL subclasses, attribute order as iTop 3.2 lists them (recording 12c for Incident).
 * Change follows the ITIL module: abstract, with RoutineChange / NormalChange / EmergencyChange.
 */
import type { AttrDef, ClassDef } from './types';

const ek = (code: string, label: string, target: string, mandatory = false): AttrDef => ({
  code, label, type: 'extkey', target, mandatory, onTargetDelete: 'manual',
});
const ef = (code: string, label: string, key: string, remote: string): AttrDef => ({ code, label, type: 'extfield', via: { key, remote } });
const dt = (code: string, label: string): AttrDef => ({ code, label, type: 'datetime' });
const link = (code: string, label: string): AttrDef => ({ code, label, type: 'linkset' });
const enumOf = (code: string, label: string, values: readonly string[], defaultValue?: string, mandatory = false): AttrDef =>
  ({ code, label, type: 'enum', values, mandatory, ...(defaultValue === undefined ? {} : { defaultValue }) });

export const ticket: ClassDef = {
  name: 'Ticket',
  abstract: true,
  naming: ['ref'],
  refFormat: 'T-%06d',
  attributes: [
    { code: 'operational_status', label: 'Operational status', type: 'metaenum', values: ['ongoing', 'resolved', 'closed'] },
    { code: 'ref', label: 'Ref', type: 'string' },
    ek('org_id', 'Organization', 'Organization', true),
    ef('org_name', 'Organization name', 'org_id', 'name'),
    ek('caller_id', 'Caller', 'Person'),
    ef('caller_name', 'Caller name', 'caller_id', 'name'),
    ek('team_id', 'Team', 'Team'),
    ef('team_name', 'Team name', 'team_id', 'name'),
    ef('team_email', 'Team email', 'team_id', 'email'),
    ek('agent_id', 'Agent', 'Person'),
    ef('agent_name', 'Agent name', 'agent_id', 'name'),
    { code: 'title', label: 'Title', type: 'string', mandatory: true },
    { code: 'description', label: 'Description', type: 'html', mandatory: true },
    dt('start_date', 'Start date'),
    dt('end_date', 'End date'),
    dt('last_update', 'Last update'),
    dt('close_date', 'Close date'),
    { code: 'private_log', label: 'Private log', type: 'caselog' },
    link('contacts_list', 'Contacts'),
    link('functionalcis_list', 'CIs'),
    link('workorders_list', 'Work orders'),
  ],
};

// is_null_allowed = false in itop-request-mgmt-itil / itop-incident-mgmt-itil (their defaults fill them in).
const impact = enumOf('impact', 'Impact', ['1', '2', '3'], '1', true);
const urgency = enumOf('urgency', 'Urgency', ['1', '2', '3', '4'], '4', true);
const priority = enumOf('priority', 'Priority', ['1', '2', '3', '4'], '4', true);
const originsItil = ['in_person', 'chat', 'mail', 'phone', 'portal'];

/** SLA, resolution and parent attributes shared by UserRequest and Incident (same order in both). */
function serviceAndSla(): AttrDef[] {
  return [
    ek('service_id', 'Service', 'Service'),
    ef('service_name', 'Service name', 'service_id', 'name'),
    ek('servicesubcategory_id', 'Service subcategory', 'ServiceSubcategory'),
    ef('servicesubcategory_name', 'Service subcategory name', 'servicesubcategory_id', 'name'),
    enumOf('escalation_flag', 'Hot Flag', ['yes', 'no'], 'no'),
    { code: 'escalation_reason', label: 'Hot reason', type: 'string' },
    dt('assignment_date', 'Assignment date'),
    dt('resolution_date', 'Resolution date'),
    dt('last_pending_date', 'Last pending date'),
    { code: 'cumulatedpending', label: 'Cumulated pending', type: 'stopwatch' },
    { code: 'tto', label: 'TTO', type: 'stopwatch' },
    { code: 'ttr', label: 'TTR', type: 'stopwatch' },
    { code: 'tto_escalation_deadline', label: 'TTO Deadline', type: 'sw-deadline' },
    { code: 'sla_tto_passed', label: 'SLA tto passed', type: 'sw-passed' },
    { code: 'sla_tto_over', label: 'SLA tto over', type: 'sw-over' },
    { code: 'ttr_escalation_deadline', label: 'TTR Deadline', type: 'sw-deadline' },
    { code: 'sla_ttr_passed', label: 'SLA ttr passed', type: 'sw-passed' },
    { code: 'sla_ttr_over', label: 'SLA ttr over', type: 'sw-over' },
    { code: 'time_spent', label: 'Resolution delay', type: 'duration' },
    enumOf('resolution_code', 'Resolution code',
      ['assistance', 'bug fixed', 'hardware repair', 'other', 'software patch', 'system update', 'training'], 'assistance'),
    { code: 'solution', label: 'Solution', type: 'html' },
    { code: 'pending_reason', label: 'Pending reason', type: 'text' },
  ];
}

function parents(withRequest: boolean): AttrDef[] {
  return [
    ...(withRequest ? [ek('parent_request_id', 'Parent request', 'UserRequest'), ef('parent_request_ref', 'Ref', 'parent_request_id', 'ref')] : []),
    ek('parent_incident_id', 'Parent incident', 'Incident'),
    ef('parent_incident_ref', 'Parent incident ref', 'parent_incident_id', 'ref'),
    ek('parent_problem_id', 'Parent problem', 'Problem'),
    ef('parent_problem_ref', 'Parent problem ref', 'parent_problem_id', 'ref'),
    ek('parent_change_id', 'Parent change', 'Change'),
    ef('parent_change_ref', 'Parent change ref', 'parent_change_id', 'ref'),
  ];
}

const satisfaction = [
  { code: 'public_log', label: 'Public log', type: 'caselog' },
  enumOf('user_satisfaction', 'User satisfaction', ['1', '2', '3', '4'], '1'),
  { code: 'user_comment', label: 'User comment', type: 'text' },
] satisfies AttrDef[];

export const userRequest: ClassDef = {
  name: 'UserRequest',
  parent: 'Ticket',
  refFormat: 'R-%06d',
  order: { code: 'ref', ascending: false },
  attributes: [
    enumOf('status', 'Status', ['new', 'waiting_for_approval', 'approved', 'rejected', 'assigned', 'pending', 'escalated_tto', 'escalated_ttr', 'resolved', 'closed'], 'new', true),
    enumOf('request_type', 'Request type', ['service_request'], 'service_request'),
    impact, priority, urgency,
    enumOf('origin', 'Origin', originsItil, 'phone'),
    ek('approver_id', 'Approver', 'Person'),
    ef('approver_email', 'Approver email', 'approver_id', 'email'),
    ...serviceAndSla(),
    ...parents(true),
    link('related_request_list', 'Child requests'),
    ...satisfaction,
  ],
};

export const incident: ClassDef = {
  name: 'Incident',
  parent: 'Ticket',
  refFormat: 'I-%06d',
  order: { code: 'ref', ascending: false },
  attributes: [
    enumOf('status', 'Status', ['new', 'escalated_tto', 'assigned', 'escalated_ttr', 'pending', 'resolved', 'closed'], 'new', true),
    impact, priority, urgency,
    enumOf('origin', 'Origin', [...originsItil, 'monitoring'], 'phone'),
    ...serviceAndSla(),
    ...parents(false),
    link('related_request_list', 'Related requests'),
    link('child_incidents_list', 'Child incidents'),
    ...satisfaction,
  ],
};

export const problem: ClassDef = {
  name: 'Problem',
  parent: 'Ticket',
  refFormat: 'P-%06d',
  order: { code: 'ref', ascending: false },
  attributes: [
    enumOf('status', 'Status', ['new', 'assigned', 'resolved', 'closed'], 'new', true),
    ek('service_id', 'Service', 'Service'),
    ef('service_name', 'Service name', 'service_id', 'name'),
    ek('servicesubcategory_id', 'Service subcategory', 'ServiceSubcategory'),
    ef('servicesubcategory_name', 'Service subcategory name', 'servicesubcategory_id', 'name'),
    { code: 'product', label: 'Product', type: 'string' },
    impact,
    enumOf('urgency', 'Urgency', ['1', '2', '3', '4'], '1'),
    enumOf('priority', 'Priority', ['1', '2', '3', '4'], '1'),
    ek('related_change_id', 'Related change', 'Change'),
    ef('related_change_ref', 'Related change ref', 'related_change_id', 'ref'),
    dt('assignment_date', 'Assignment date'),
    dt('resolution_date', 'Resolution date'),
    link('knownerrors_list', 'Known errors'),
    link('related_request_list', 'Related requests'),
    link('related_incident_list', 'Related incidents'),
  ],
};

export const change: ClassDef = {
  name: 'Change',
  parent: 'Ticket',
  abstract: true,
  refFormat: 'C-%06d',
  order: { code: 'ref', ascending: false },
  attributes: [
    enumOf('status', 'Status', ['new', 'validated', 'rejected', 'assigned', 'plannedscheduled', 'approved', 'notapproved', 'implemented', 'monitored', 'closed'], 'new', true),
    { code: 'reason', label: 'Reason', type: 'string' },
    ek('requestor_id', 'Requestor', 'Person'),
    ef('requestor_email', 'Requestor email', 'requestor_id', 'email'),
    { code: 'impact', label: 'Impact', type: 'string' },
    ek('supervisor_group_id', 'Supervisor team', 'Team'),
    ek('supervisor_id', 'Supervisor', 'Person'),
    ek('manager_group_id', 'Manager team', 'Team'),
    ek('manager_id', 'Manager', 'Person'),
    enumOf('outage', 'Outage', ['yes', 'no'], 'no'),
    { code: 'fallback', label: 'Fallback plan', type: 'text' },
    ek('parent_id', 'Parent change', 'Change'),
    ef('parent_name', 'Parent change ref', 'parent_id', 'ref'),
    link('related_request_list', 'Related requests'),
    link('related_incident_list', 'Related incidents'),
    link('related_problems_list', 'Related problems'),
    link('child_changes_list', 'Child changes'),
  ],
};

export const routineChange: ClassDef = { name: 'RoutineChange', parent: 'Change', attributes: [] };
export const approvedChange: ClassDef = {
  name: 'ApprovedChange', parent: 'Change', abstract: true,
  attributes: [dt('approval_date', 'Approval date'), { code: 'approval_comment', label: 'Approval comment', type: 'text' }],
};
export const normalChange: ClassDef = {
  name: 'NormalChange', parent: 'ApprovedChange',
  attributes: [dt('acceptance_date', 'Acceptance date'), { code: 'acceptance_comment', label: 'Acceptance comment', type: 'text' }],
};
export const emergencyChange: ClassDef = { name: 'EmergencyChange', parent: 'ApprovedChange', attributes: [] };
