import type { AppConfig } from '../../../shared/config/app-config';
import type { AppStatus, CallView, CallsSnapshot, HistoryEntry } from '../../../shared/contract/views';
import type { CallEvent } from '../../../shared/cti/call-event';
import { createCallSessions } from '../calls/call-sessions';
import { createIntakeServer, type IntakeServer } from '../intake/intake-server';
import type { Log } from '../intake/log';
import { openChoiceMemory } from '../lookup/choice-memory';
import type { Companion, CompanionEventListener } from './companion-port';
import { createCallEnricher, type CallEnricher } from './call-enricher';
import { openCallHistory, type CallHistory } from './call-history';
import { toCallView } from './call-view';
import { checkConnection } from './connection-check';
import { createContractHandlers, type SettingsPort } from './contract-handlers';
import { createLookupKit } from './lookup-kit';

export interface CompanionDeps {
  readonly config: AppConfig;
  readonly dataDir: string;
  readonly clock?: { now(): number };
  readonly log?: Log;
  readonly fetch?: typeof fetch;
  /** The agent's language for localized labels; default from config.ui.language, else the host locale. */
  readonly language?: string;
  /** Port of the intake server; default config.cti.port (0 = any free port, for tests). */
  readonly intakePort?: number;
  /** Reads and writes the configuration file (settings:*); without it, settings are read-only. */
  readonly settings?: SettingsPort;
  /** Opens an iTop page in the agent's browser (the Electron shell injects shell.openExternal). */
  readonly openUrl?: (url: string) => Promise<void>;
  /** Seen as 'demo' in the status instead of 'connected' (the host started the simulator). */
  readonly demo?: boolean;
}

const consoleLog: Log = { info: (m) => console.info(m), warn: (m) => console.warn(m) };

export function createCompanion(deps: CompanionDeps): Companion & { readonly intakeServer: () => IntakeServer | undefined } {
  const { config } = deps;
  const clock = deps.clock ?? { now: () => Date.now() };
  const log = deps.log ?? consoleLog;
  const language = deps.language ?? (config.ui.language !== 'auto' ? config.ui.language : Intl.DateTimeFormat().resolvedOptions().locale);
  const listeners = new Set<CompanionEventListener>();
  const emit: CompanionEventListener = (channel, payload) => {
    for (const listener of listeners) {
      try {
        listener(channel, payload);
      } catch (e) {
        log.warn('companion listener failed', { error: String(e) });
      }
    }
  };

  let status: AppStatus = {
    itop: { state: 'checking', url: config.itop.url },
    bridge: { connected: 0, port: deps.intakePort ?? config.cti.port },
    index: { persons: 0, numbers: 0, building: false },
    outbox: { pending: 0, failed: 0 },
  };
  const setStatus = (patch: Partial<AppStatus>): void => {
    status = { ...status, ...patch };
    emit('status:changed', status);
  };

  const kit = createLookupKit({
    config,
    language,
    now: () => clock.now(),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    log: (m) => log.warn(m),
    onIndexChange: (s) =>
      setStatus({ index: { persons: s.persons, numbers: s.numbers, building: s.building, ...(s.builtAt !== undefined ? { builtAt: s.builtAt } : {}), ...(s.error ? { error: s.error } : {}) } }),
  });

  let version = 0;
  let snapshot: CallsSnapshot = { version, calls: [] };
  let history: CallHistory | undefined;
  let enricher: CallEnricher | undefined;
  let server: IntakeServer | undefined;
  const pending: CallEvent[] = [];
  let known = new Set<string>();

  const sessions = createCallSessions({ clock, log });
  const publish = (): void => {
    const views: CallView[] = [];
    const live = new Set<string>();
    for (const session of sessions.snapshot().calls) {
      live.add(session.callId);
      const enrichment = enricher?.get(session.callId) ?? enricher?.start(toEvent(session));
      if (enrichment) views.push(toCallView(session, enrichment));
    }
    for (const callId of [...known]) if (!live.has(callId)) enricher?.forget(callId);
    known = live;
    version += 1;
    snapshot = { version, calls: views };
    emit('calls:changed', snapshot);
    let historyChanged = false;
    for (const view of views) historyChanged = (history?.record(view) ?? false) || historyChanged;
    if (historyChanged && history) emit('history:changed', history.entries());
  };
  sessions.subscribe(publish);

  const ingest = (event: CallEvent): void => {
    if (!enricher) {
      pending.push(event); // start() has not finished opening the data files yet
      return;
    }
    const before = sessions.get(event.callId);
    if (!before) enricher.start(event); // lookups start before the session publishes its first snapshot
    sessions.apply(event);
  };

  const handlers = createContractHandlers({
    config,
    kit,
    sessions,
    enricher: () => enricher,
    history: () => history,
    snapshot: () => ({ calls: snapshot, status, history: history?.entries() ?? ([] as HistoryEntry[]) }),
    simulate: (number, name) => {
      if (!server) throw new Error('The companion is not started: no call can be simulated yet.');
      const callId = `sim-${clock.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      const accepted = server.intake.acceptBridgeEvent({ event: 'ringing', callId, from: number, to: '', direction: 'inbound', ...(name ? { displayName: name } : {}) }, 'simulated');
      if (!accepted.ok) throw new Error(accepted.error.message);
      return accepted.value.event.callId;
    },
    ...(deps.settings ? { settings: deps.settings } : {}),
    ...(deps.openUrl ? { openUrl: deps.openUrl } : {}),
    emitHistory: () => emit('history:changed', history?.entries() ?? []),
    intakePort: () => status.bridge.port,
  });

  return {
    handlers,
    onEvent(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    ingest,
    intakeServer: () => server,
    async start() {
      const memory = await openChoiceMemory({ dataDir: deps.dataDir, now: () => clock.now(), log: (m) => log.warn(m) });
      history = await openCallHistory({ dataDir: deps.dataDir, log: (m) => log.warn(m) });
      enricher = createCallEnricher({
        phone: kit.phone,
        lookup: kit.callers,
        lists: kit.lists,
        memory,
        callersLabel: kit.callersLabel,
        onChange: () => publish(),
        log: (m) => log.warn(m),
      });
      server = createIntakeServer({
        port: deps.intakePort ?? config.cti.port,
        token: config.cti.token,
        urlParameters: config.telephony.url_parameters,
        dedupeWindowMs: config.cti.dedupeWindowMs,
        clock,
        log,
        onEvent: ingest,
      });
      const { port } = await server.start();
      server.onBridgeStatus((b) => setStatus({ bridge: { connected: b.connected, port } }));
      setStatus({ bridge: { connected: server.bridgeStatus().connected, port } });
      for (const event of pending.splice(0)) ingest(event);
      // Connection check, list class probe and index build run in the background: calls work meanwhile.
      void checkConnection(kit.client, config.itop.url).then((itop) => {
        setStatus({ itop: deps.demo && itop.state === 'connected' ? { ...itop, state: 'demo' } : itop });
        if (itop.state !== 'connected') return;
        void kit.lists.probe();
        void kit.index.rebuild();
        kit.index.startRefresh();
      });
    },
    async stop() {
      kit.index.stop();
      await server?.stop();
      await history?.flush();
    },
  };
}

/** A session seen before its enrichment (e.g. an event that arrived during start()). */
function toEvent(session: { callId: string; direction: 'inbound' | 'outbound'; remoteNumber: string; localNumber: string; startedAt: number; source: CallEvent['source']; attributes?: Readonly<Record<string, string>> }): CallEvent {
  return {
    kind: 'ringing',
    callId: session.callId,
    direction: session.direction,
    remoteNumber: session.remoteNumber,
    localNumber: session.localNumber,
    at: session.startedAt,
    source: session.source,
    ...(session.attributes ? { attributes: session.attributes } : {}),
  };
}
