import type { AppStatus } from '../../../shared/contract/views';
import type { ItopClient } from '../itop';
import { checkConnection, type ItopStatus } from './connection-check';

/**
 * The agent's Person (PhoneCall.agent_id is mandatory). Known from the start-up connection check; when that
 * check has not answered yet, or failed (iTop was down), a write asks again rather than journal the call
 * without an agent (which would turn a PhoneCall into a private-log entry for good).
 */
export interface AgentIdentity {
  /** Runs the connection check (once at a time) and reports the status. */
  check(): Promise<ItopStatus>;
  /** The agent's Person id, asking iTop when it is not known yet; undefined when this login has no Person. */
  personId(): Promise<number | undefined>;
  known(): number | undefined;
}

export interface AgentIdentityDeps {
  readonly client: Pick<ItopClient, 'whoAmI' | 'endpoint'>;
  readonly url: string;
  readonly onStatus: (status: AppStatus['itop']) => void;
  /** Once, the first time iTop says "connected". */
  readonly onFirstConnected?: () => void;
}

export function createAgentIdentity(deps: AgentIdentityDeps): AgentIdentity {
  let connectedOnce = false;
  let running: Promise<ItopStatus> | undefined;
  let last: ItopStatus | undefined;
  const idOf = (s: ItopStatus | undefined): number | undefined => (s?.identity ? Number(s.identity.personId) : undefined);

  const check = (): Promise<ItopStatus> =>
    (running ??= checkConnection(deps.client, deps.url).then((status) => {
      running = undefined;
      last = status;
      deps.onStatus(status);
      if (status.state === 'connected' && !connectedOnce) {
        connectedOnce = true;
        deps.onFirstConnected?.();
      }
      return status;
    }));

  return {
    check,
    known: () => idOf(last),
    async personId() {
      // Connected without a Person is a definite answer: do not ask again for every call.
      if (last?.state === 'connected' || last?.state === 'demo') return idOf(last);
      return idOf(await check());
    },
  };
}
