/**
 * Ticket lifecycles of the ITIL modules (doc §6.3): transitions per state, attributes that become
 * mandatory on entering a state, and the dates the state-entry actions stamp.
 */
type Transitions = Readonly<Record<string, Readonly<Record<string, string>>>>;

export interface Lifecycle {
  readonly transitions: Transitions;
  readonly mandatoryOnEntry: Readonly<Record<string, readonly string[]>>;
  readonly stampOnEntry: Readonly<Record<string, string>>;
}

const serviceDeskStamps = { assigned: 'assignment_date', pending: 'last_pending_date', resolved: 'resolution_date', closed: 'close_date' };
const serviceDeskMandatory = { assigned: ['team_id', 'agent_id'], pending: ['pending_reason'], resolved: ['service_id', 'resolution_code', 'solution'] };

const userRequest: Lifecycle = {
  transitions: {
    new: { ev_assign: 'assigned', ev_timeout: 'escalated_tto', ev_wait_for_approval: 'waiting_for_approval', ev_autoresolve: 'resolved' },
    escalated_tto: { ev_assign: 'assigned' },
    assigned: { ev_pending: 'pending', ev_resolve: 'resolved', ev_reassign: 'assigned', ev_timeout: 'escalated_ttr', ev_autoresolve: 'resolved' },
    escalated_ttr: { ev_pending: 'pending', ev_resolve: 'resolved', ev_reassign: 'escalated_ttr', ev_autoresolve: 'resolved' },
    waiting_for_approval: { ev_approve: 'approved', ev_reject: 'rejected' },
    approved: { ev_timeout: 'escalated_tto', ev_assign: 'assigned', ev_autoresolve: 'resolved' },
    rejected: { ev_reopen: 'new' },
    pending: { ev_assign: 'assigned', ev_autoresolve: 'resolved' },
    resolved: { ev_close: 'closed', ev_reopen: 'assigned', ev_autoresolve: 'resolved' },
    closed: {},
  },
  mandatoryOnEntry: serviceDeskMandatory,
  stampOnEntry: serviceDeskStamps,
};

const incident: Lifecycle = {
  transitions: {
    new: { ev_assign: 'assigned', ev_timeout: 'escalated_tto', ev_autoresolve: 'resolved' },
    escalated_tto: { ev_assign: 'assigned' },
    assigned: { ev_pending: 'pending', ev_resolve: 'resolved', ev_reassign: 'assigned', ev_timeout: 'escalated_ttr', ev_autoresolve: 'resolved' },
    escalated_ttr: { ev_pending: 'pending', ev_resolve: 'resolved', ev_reassign: 'escalated_ttr', ev_autoresolve: 'resolved' },
    pending: { ev_assign: 'assigned', ev_autoresolve: 'resolved' },
    resolved: { ev_close: 'closed', ev_reopen: 'assigned', ev_autoresolve: 'resolved' },
    closed: {},
  },
  mandatoryOnEntry: serviceDeskMandatory,
  stampOnEntry: serviceDeskStamps,
};

const problem: Lifecycle = {
  transitions: {
    new: { ev_assign: 'assigned' },
    assigned: { ev_reassign: 'assigned', ev_resolve: 'resolved' },
    resolved: { ev_close: 'closed' },
    closed: {},
  },
  mandatoryOnEntry: { assigned: ['team_id', 'agent_id'] },
  stampOnEntry: { assigned: 'assignment_date', resolved: 'resolution_date', closed: 'close_date' },
};

const change: Lifecycle = {
  transitions: {
    new: { ev_validate: 'validated', ev_assign: 'assigned', ev_reject: 'rejected' },
    validated: { ev_assign: 'assigned', ev_reject: 'rejected' },
    rejected: { ev_reopen: 'new' },
    assigned: { ev_plan: 'plannedscheduled' },
    plannedscheduled: { ev_approve: 'approved', ev_notapprove: 'notapproved', ev_replan: 'plannedscheduled', ev_finish: 'closed' },
    notapproved: { ev_replan: 'plannedscheduled' },
    approved: { ev_implement: 'implemented' },
    implemented: { ev_monitor: 'monitored', ev_finish: 'closed' },
    monitored: { ev_finish: 'closed' },
    closed: {},
  },
  mandatoryOnEntry: {},
  stampOnEntry: { closed: 'close_date' },
};

const BY_CLASS: Readonly<Record<string, Lifecycle>> = {
  UserRequest: userRequest,
  Incident: incident,
  Problem: problem,
  RoutineChange: change,
  NormalChange: change,
  EmergencyChange: change,
};

export function lifecycleOf(finalClass: string): Lifecycle | undefined {
  return BY_CLASS[finalClass];
}
