import type { AppStatus } from '../../../shared/contract/views';
import type { ItopClient } from '../itop';
import { checkConnection, type ItopStatus } from './connection-check';

/**
 * The connection check and the agent's identity it reads, for the status bar. Writes never wait on it: a
 * PhoneCall names its agent as `SELECT Person WHERE id = :current_contact_id`, resolved by iTop when sent.
 */
export interface AgentIdentity {
  /** Runs the connection check (once at a time) and reports the status. */
  check(): Promise<ItopStatus>;
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

  const check = (): Promise<ItopStatus> =>
    (running ??= checkConnection(deps.client, deps.url).then((status) => {
      running = undefined;
      deps.onStatus(status);
      if (status.state === 'connected' && !connectedOnce) {
        connectedOnce = true;
        deps.onFirstConnected?.();
      }
      return status;
    }));

  return { check };
}
