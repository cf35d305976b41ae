import type { AppConfig, ConfigIssue } from '../../../shared/config';
import type { ContractHandlers, InvokeResult } from '../../../shared/contract/contract';
import type { CallSessions } from '../calls/call-sessions';
import type { CallEnricher } from './call-enricher';
import type { CallHistory } from './call-history';
import type { DialHandlers } from './dial-handlers';
import type { FormHandlers } from './form-handlers';
import type { WriteHandlers } from './write-handlers';
import type { LookupKit } from './lookup-kit';
import type { DemoSwitch } from './demo-switch';
import { createSettingsHandlers, type SettingsPort } from './settings-handlers';
import { createTicketDetailReader } from './ticket-detail';

export type { SettingsPort } from './settings-handlers';

export interface ContractHandlerDeps {
  readonly config: AppConfig;
  /** The built-in simulator the agent can switch to from the settings (settings:start-demo). */
  readonly demo?: DemoSwitch;
  readonly kit: LookupKit;
  readonly sessions: CallSessions;
  readonly enricher: () => CallEnricher | undefined;
  readonly history: () => CallHistory | undefined;
  readonly snapshot: () => InvokeResult<'app:snapshot'>;
  /** Injects a ringing event (source 'simulated'); returns its call id. */
  readonly simulate: (number: string, name?: string) => string;
  readonly emitHistory: () => void;
  readonly intakePort: () => number;
  readonly configIssues?: readonly ConfigIssue[];
  readonly settings?: SettingsPort;
  readonly openUrl?: (url: string) => Promise<void>;
  /** call:show: reveals the main window on the call (the host's way). */
  readonly showCall: (callId: string) => void;
  /** ticket:*, call:log, person:add-number, outbox:* (issue 5). */
  readonly writes: WriteHandlers;
  /** dial:* (issue 6). */
  readonly dials: DialHandlers;
  /** form:* (issue 16). */
  readonly forms: FormHandlers;
  /** settings:update saved a configuration: the companion applies it at once. */
  readonly onConfigSaved?: (config: AppConfig) => void;
}

/** Every contract channel; arguments arrive validated by the host. Failures throw with a readable message. */
export function createContractHandlers(deps: ContractHandlerDeps): ContractHandlers {
  let config = deps.config;
  let issues: readonly ConfigIssue[] = deps.settings?.issues ?? deps.configIssues ?? [];
  const getTicket = createTicketDetailReader(deps.kit.reader, () => config.itop.url, (m) => m);
  const settings = createSettingsHandlers({
    current: () => config,
    setCurrent: (next, nextIssues) => {
      config = next;
      issues = nextIssues;
      deps.onConfigSaved?.(next);
    },
    ...(deps.settings ? { port: deps.settings } : {}),
    ...(deps.demo ? { demo: deps.demo } : {}),
    intakePort: deps.intakePort,
    issues: () => issues,
  });
  const itopRoot = (): string => config.itop.url.replace(/\/webservices\/rest\.php.*$/, '').replace(/\/+$/, '');

  return {
    'app:snapshot': async () => deps.snapshot(),
    'call:select-caller': async ({ callId, selection }) => {
      const enricher = deps.enricher();
      if (!enricher?.get(callId)) throw new Error(`No call ${callId}: it ended and was cleared, or never existed.`);
      if (!(await enricher.select(callId, selection))) throw new Error(`This caller is not one of the choices offered for call ${callId}.`);
      return null;
    },
    'call:dismiss': async ({ callId }) => {
      deps.sessions.dismiss(callId);
      return null;
    },
    'call:show': async ({ callId }) => {
      if (!deps.sessions.get(callId)) throw new Error(`No call ${callId}: it ended and was cleared, or never existed.`);
      deps.showCall(callId);
      return null;
    },
    'call:simulate': async ({ number, name }) => ({ callId: deps.simulate(number, name) }),
    'ticket:get': async (ref) => {
      const detail = await getTicket(ref);
      if (!detail.ok) throw new Error(detail.error);
      return detail.value;
    },
    'history:clear-missed': async ({ number }) => {
      if (deps.history()?.clearMissed(number)) deps.emitHistory();
      return null;
    },
    ...settings,
    ...deps.writes,
    ...deps.dials,
    ...deps.forms,
    'itop:open': async ({ url }) => {
      const root = itopRoot();
      // Only pages of the configured iTop: the UI must not become a way to open arbitrary addresses.
      if (root === '' || !(url === root || url.startsWith(`${root}/`))) throw new Error(`Only pages of the configured iTop (${root || 'none'}) can be opened.`);
      if (!deps.openUrl) throw new Error('This host cannot open a browser; open the link yourself.');
      await deps.openUrl(url);
      return null;
    },
  };
}
