import type { AppConfig } from '../../../shared/config/app-config';
import type { CreationOffer } from '../../../shared/contract/views';
import { actionAttributes } from '../../../shared/dial';
import { fail, ok, type Result } from '../../../shared/result';
import type { CallSessions } from '../calls/call-sessions';
import { createCallActionsReader, createDialer, createTicketResolver, type CallActionsReader, type Dialer, type DispatchPorts, type IndexedPerson } from '../dialer';
import type { FindCallee } from './pending-callee';
import type { Log } from '../intake/log';
import { getWithFieldFallback, type ItopReader } from '../lookup/itop-reader';

/** Click-to-call: the dialer, the call actions of tickets and persons, and what the url method needs. */
export interface DialKit {
  readonly dialer: Dialer;
  readonly actions: CallActionsReader;
  readonly resolveTicket: ReturnType<typeof createTicketResolver>;
  /** The Person's values of every attribute the ecall actions map (url method parameters such as email). */
  personAttributes(personId: string): Promise<Result<Record<string, string>>>;
}

export interface DialKitDeps extends DispatchPorts {
  readonly config: AppConfig;
  readonly reader: ItopReader;
  /** The companion's sessions, with `apply` going through its ingest (enrichment runs on dialed calls). */
  readonly sessions: Pick<CallSessions, 'apply' | 'patch' | 'get'>;
  readonly clock: { now(): number };
  readonly log: Log;
  /** Who a deep-link dial calls and their open tickets (the inbound lookup); see pending-callee.ts. */
  readonly findCallee?: FindCallee;
  /** What a pending dial without a ticket may create (the call panel's quick-create classes). */
  readonly createOffer?: () => CreationOffer | undefined;
  /** The phone index's copy of a Person (call actions without a request when it has every field). */
  readonly indexedPerson?: (personId: string) => IndexedPerson | undefined;
  /** Whether a CTI bridge is connected now (`dial.method: auto`). */
  readonly bridgeConnected?: () => boolean;
}

export function createDialKit(deps: DialKitDeps): DialKit {
  const config = () => deps.config;
  const resolveTicket = createTicketResolver(deps.reader);
  const refused = new Set<string>();
  const dialer = createDialer({
    config,
    sessions: deps.sessions,
    clock: deps.clock,
    log: deps.log,
    resolveTicket,
    ...(deps.findCallee ? { findCallee: deps.findCallee } : {}),
    ...(deps.createOffer ? { createOffer: deps.createOffer } : {}),
    ...(deps.bridgeConnected ? { bridgeConnected: deps.bridgeConnected } : {}),
    sendDial: deps.sendDial,
    openExternal: deps.openExternal,
  });
  return {
    dialer,
    actions: createCallActionsReader({ reader: deps.reader, config, ...(deps.indexedPerson ? { indexed: deps.indexedPerson } : {}) }),
    resolveTicket,
    async personAttributes(personId) {
      const wanted = actionAttributes(deps.config.telephony.ecall_parameters);
      const reply = await getWithFieldFallback(deps.reader, { class: 'Person', key: personId, outputFields: ['id', ...wanted] }, refused);
      if (!reply.ok) return fail('dial.person-unreadable', `Person ${personId} could not be read from iTop: ${reply.error.message}`);
      const fields = reply.value.objects[0]?.fields;
      if (!fields) return fail('dial.person-not-found', `Person ${personId} does not exist in iTop (or you may not see it)`);
      // The dialer accepts attribute values up to 500 characters; a longer one is not a URL parameter anyway.
      const values = wanted.flatMap((code) => {
        const value = fields[code];
        return typeof value === 'string' && value.length <= 500 ? [[code, value] as const] : [];
      });
      return ok(Object.fromEntries(values));
    },
  };
}
