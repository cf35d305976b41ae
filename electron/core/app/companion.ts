import type { AppConfig } from '../../../shared/config/app-config';
import type { HistoryEntry } from '../../../shared/contract/views';
import type { CallEvent } from '../../../shared/cti/call-event';
import { createItopModel } from '../../../shared/itop-model';
import { formatLogEntry } from '../../../shared/log/escape-for-log';
import { fail } from '../../../shared/result';
import { createCallSessions } from '../calls/call-sessions';
import { createFormLookup } from '../creation';
import { createIntakeServer, type IntakeServer } from '../intake/intake-server';
import type { Log } from '../intake/log';
import { openChoiceMemory } from '../lookup/choice-memory';
import type { Companion } from './companion-port';
import { createCompanionEvents, indexStatusView, outboxStatusView } from './companion-events';
import { createAgentIdentity } from './agent-identity';
import { createCallEnricher, type CallEnricher } from './call-enricher';
import { callFactsOf, outboundFactsOf } from './call-facts';
import { openCallHistory, type CallHistory } from './call-history';
import { createCallPublisher } from './call-publisher';
import type { CompanionDeps } from './companion-deps';
import { createContractHandlers } from './contract-handlers';
import { creationOffer } from './creation-offer';
import { createDialHandlers, settingsShortcut } from './dial-handlers';
import { createDialKit } from './dial-kit';
import { createFormHandlers } from './form-handlers';
import { createItopHealth } from './itop-health';
import { createLinkHandler } from './link-handler';
import { forwarding, live } from './live';
import { createLookupKit, liveLookupKit, type LookupKit } from './lookup-kit';
import { createPendingCalleeFinder } from './pending-callee';
import { pendingDialOffer, withPendingDialCreation } from './pending-dial-create';
import { createOutboundJournal } from './outbound-journal';
import { normalizeIncoming } from '../../../shared/phone';
import { loadDemoCallers } from './demo-callers';
import { createDemoSwitch } from './demo-switch';
import { simulateRinging } from './simulated-call';
import { createWriteHandlers } from './write-handlers';
import { createWriteKit, type WriteKit } from './write-kit';

export type { CompanionDeps } from './companion-deps';

const consoleLog: Log = { info: (m, d) => console.info(formatLogEntry(m, d)), warn: (m, d) => console.warn(formatLogEntry(m, d)) };

export type RunningCompanion = Companion &
  Required<Pick<Companion, 'handleLink' | 'handleDialIntent'>> & {
    readonly intakeServer: () => IntakeServer | undefined;
    /** Applies a saved configuration at once (settings:update calls it): see "Settings applied at once". */
    reconfigure(next: AppConfig): void;
    /** The configuration in use now (the shell's link policies read the current iTop and dial URLs from it). */
    config(): AppConfig;
  };

const systemLocale = () => Intl.DateTimeFormat().resolvedOptions().locale;
/** Compared section by section: which kits a settings change rebuilds. */
const changed = (a: AppConfig, b: AppConfig, ...keys: (keyof AppConfig)[]) => keys.some((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));

export function createCompanion(deps: CompanionDeps): RunningCompanion {
  // Replaced as a whole by reconfigure(); parts built once read it through `liveConfig` or the getters below.
  let config = deps.config;
  const liveConfig = live(() => config);
  const clock = deps.clock ?? { now: () => Date.now() };
  const log = deps.log ?? consoleLog;
  let language = deps.language ?? (config.ui.language !== 'auto' ? config.ui.language : systemLocale());
  // The built-in simulator is "demo" only while the running configuration points at it.
  const demoSwitch = createDemoSwitch(deps.demo ?? {});
  const demo = () => demoSwitch.isDemo(config);
  const events = createCompanionEvents(
    {
      itop: { state: 'checking', url: config.itop.url },
      bridge: { connected: 0, port: deps.intakePort ?? config.cti.port },
      index: { persons: 0, numbers: 0, building: false },
      outbox: { pending: 0, failed: 0 },
    },
    log,
  );
  const { emit, setStatus } = events;
  // identity is defined below; health only calls it once requests flow (after start)
  const buildHealth = () =>
    createItopHealth({
      url: config.itop.url,
      check: () => identity.check(),
      publish: (itop) => setStatus({ itop: demo() && itop.state === 'connected' ? { ...itop, state: 'demo' } : itop }),
      ...(deps.timers ? { timers: deps.timers } : {}),
      ...(deps.recheck ?? {}),
    });
  let health = buildHealth();

  const buildKit = (): LookupKit => {
    const built: LookupKit = createLookupKit({
      config,
      language,
      now: () => clock.now(),
      dataDir: deps.dataDir,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      log: (m) => log.warn(m),
      // A replaced kit's index may still finish a build: only the current one reports.
      onIndexChange: (s) => built === kit && setStatus({ index: indexStatusView(s) }),
      onRequest: (info) => health.observe(info),
    });
    return built;
  };
  let kit = buildKit();
  // What the parts built once hold: always the current kit's client, lists, index…
  const liveKit = liveLookupKit(() => kit);
  /** The index of the kit a settings change replaced, stopping (and saving); resolved when there is none. */
  let replaced: Promise<void> = Promise.resolve();
  // The first time iTop answers (at start, after a change of iTop, or when a later write asks again): list probe and index build.
  const onConnected = (): void => {
    void kit.lists.probe();
    // The index build only when neither the disk nor an earlier attempt gave one (its refresh schedule runs from start()).
    const current = kit;
    // After the saved index was read: a settings change (lists, language) gives a new kit whose index is still
    // being opened from disk here, and downloading the whole directory again for it would be for nothing.
    const indexed = replaced.then(() => current.index.whenLoaded()).then(() => (current.index.current() ? undefined : current.index.rebuild().then(() => undefined)));
    // Demo only: one number of each case from the simulator's data (read from the index), for the Simulate panel.
    if (demo() && (events.status().demoCallers?.length ?? 0) === 0) {
      void indexed
        .then(() => loadDemoCallers(current.index, current.reader, (n) => normalizeIncoming(n, current.phone).kind === 'external'))
        .then((callers) => demo() && setStatus({ demoCallers: callers }));
    }
  };
  const buildIdentity = () => createAgentIdentity({ client: liveKit.client, url: config.itop.url, onStatus: (itop) => health.checked(itop), onFirstConnected: onConnected });
  let identity = buildIdentity();
  const buildWrites = (outbox?: WriteKit['outbox']) =>
    createWriteKit({ config, kit: liveKit, dataDir: deps.dataDir, clock, log, onPersonChanged: (id) => void kit.learnPerson(id), ...(outbox ? { outbox } : {}) });
  let writes = buildWrites();
  writes.outbox.subscribe((s) => {
    emit('outbox:changed', s);
    setStatus({ outbox: outboxStatusView(s) });
  });

  let history: CallHistory | undefined;
  let enricher: CallEnricher | undefined;
  let server: IntakeServer | undefined;
  let sweep: ReturnType<typeof setInterval> | undefined;
  const pending: CallEvent[] = [];
  // The forms' class descriptions: iTop's standard classes plus the configured custom ones.
  let formModel = createItopModel(config.forms.classes);
  const offersOf = (c: AppConfig) => ({ inbound: creationOffer(c.telephony, 'inbound'), outbound: creationOffer(c.telephony, 'outbound') });
  let offers = offersOf(config);

  // Every change pushes every kept call to the UI: 20 finished calls on the panel (the history keeps 300).
  const sessions = createCallSessions({ clock, log, limits: config.calls, keepFinished: 20 });
  const ingest = (event: CallEvent): void => {
    if (!enricher) {
      pending.push(event); // start() has not finished opening the data files yet
      return;
    }
    const before = sessions.get(event.callId);
    if (!before) enricher.start(event); // lookups start before the session publishes its first snapshot
    sessions.apply(event);
  };

  const dial = createDialKit({
    config: liveConfig,
    reader: liveKit.reader,
    // Dialed calls go through ingest like any other, so their number is looked up and their lists load.
    sessions: { apply: (e) => (ingest(e), sessions.get(e.callId)), patch: (id, p) => sessions.patch(id, p), get: (id) => sessions.get(id) },
    clock,
    log,
    // A link without a usable ticket shows the callee's open tickets, found as for an inbound call.
    indexedPerson: (id) => kit.index.current()?.person(id),
    findCallee: createPendingCalleeFinder({ phone: liveKit.phone, lookup: liveKit.callers, lists: liveKit.lists, log: (m) => log.warn(m) }),
    createOffer: () => pendingDialOffer(config.telephony),
    sendDial: (command) => (server ? server.sendDial(command) : Promise.resolve(fail('no-bridge', 'The companion is not started: no CTI bridge can dial yet.'))),
    bridgeConnected: () => (server?.bridgeStatus().connected ?? 0) > 0,
    openExternal: deps.openExternal ?? (async () => { throw new Error('this host cannot hand links to the system'); }),
  });
  dial.dialer.onPendingChange((list) => emit('dial:pending-changed', list));
  /** The call buttons say which way they dial: re-published whenever the bridge or the settings change it. */
  const publishDialRoute = (): void => {
    const via = dial.dialer.method();
    if (events.status().dialVia !== via) setStatus({ dialVia: via });
  };
  const links = createLinkHandler({ intake: () => server?.intake, dial });

  const outbound = createOutboundJournal({
    journal: live(() => writes.journal),
    facts: (record, session) => outboundFactsOf(record, session, enricher?.get(session.callId), enricher?.agentChose(session.callId) ?? false, kit.phone),
    log,
    onChange: () => publishing.request(),
  });

  const publishing = createCallPublisher({ sessions, enricher: () => enricher, history: () => history, outbound, offers: () => offers, emit, now: () => clock.now() });
  sessions.subscribe(() => {
    // A call the dialer placed is queued for logging in the very turn its hang-up arrives, before the snapshot
    // is built: a crash right after the bridge got its acknowledgement must not lose it (issue 13).
    outbound.review(sessions.snapshot().calls, clock.now());
    publishing.request();
  });

  const facts = (callId: string) => {
    const session = sessions.get(callId);
    const enrichment = enricher?.get(callId);
    if (!session || !enrichment || !enricher) throw new Error(`No call ${callId}: it ended and was cleared, or never existed.`);
    return callFactsOf(session, enrichment, enricher.agentChose(callId), kit.phone);
  };

  // A pending dial's "Create a ticket" reuses the quick-create channels (pending-dial-create.ts).
  const buildWriteHandlers = () =>
    withPendingDialCreation(
      createWriteHandlers({
        writes,
        telephony: config.telephony,
        facts,
        ticketRef: (callId, t) => enricher?.get(callId)?.lists.flatMap((l) => l.tickets).find((s) => s.id === t.id && s.class === t.class)?.ref,
      }),
      { dialer: dial.dialer, creation: writes.creation, outbox: writes.outbox, telephony: config.telephony, phone: kit.phone, log },
    );
  let writeHandlers = buildWriteHandlers();
  // Handlers a host registered once, forwarding to the ones rebuilt for the current configuration.
  const forwardedWrites = forwarding(() => writeHandlers);

  const handlers = createContractHandlers({
    config,
    demo: demoSwitch,
    kit: liveKit,
    sessions,
    enricher: () => enricher,
    history: () => history,
    snapshot: () => ({ calls: publishing.snapshot(), status: events.status(), history: history?.entries() ?? ([] as HistoryEntry[]) }),
    simulate: (number, name) => simulateRinging(server?.intake, clock.now(), number, name),
    ...(deps.settings ? { settings: deps.settings } : {}),
    ...(deps.openUrl ? { openUrl: deps.openUrl } : {}),
    emitHistory: () => emit('history:changed', history?.entries() ?? []),
    showCall: deps.showCall ?? ((callId) => emit('call:focus', { callId })),
    intakePort: () => events.status().bridge.port,
    writes: forwardedWrites,
    // The shortcut settings as last saved (settings:get), so a change applies without a restart.
    dials: createDialHandlers({ dial, shortcut: async () => settingsShortcut(await handlers['settings:get']()) }),
    forms: createFormHandlers(createFormLookup({ client: liveKit.client, model: () => formModel })),
    onConfigSaved: (next) => reconfigure(next),
  });

  /**
   * A saved configuration, applied at once ("Settings applied at once" in architecture.md): what reads the
   * configuration at each use (dial options) just sees it; the lookup kit (client, index, lists, labels) is
   * rebuilt when iTop, phone options, telephony parameters, lists or the language change; a new iTop logs in
   * again and rebuilds the index. Calls in progress keep what their enrichment already shows.
   */
  function reconfigure(next: AppConfig): void {
    const before = config;
    config = next;
    if (next.ui.language !== before.ui.language) language = next.ui.language !== 'auto' ? next.ui.language : (deps.language ?? systemLocale());
    const itopChanged = changed(before, next, 'itop');
    // The pop-up and do-not-disturb options (ui.*) are the shell's; only the language matters to the kit.
    if (itopChanged || changed(before, next, 'phone', 'telephony', 'lists', 'index') || next.ui.language !== before.ui.language) {
      const old = kit;
      kit = buildKit();
      // The new index opens the file once the old one has saved into it (same iTop, same file).
      replaced = old.index.stop();
      if (server) void replaced.then(() => kit.index.start()); // before start(), start() starts it
    }
    offers = offersOf(next);
    if (changed(before, next, 'forms')) formModel = createItopModel(next.forms.classes);
    if (itopChanged || changed(before, next, 'telephony', 'journal')) writes = buildWrites(writes.outbox);
    writeHandlers = buildWriteHandlers();
    if (itopChanged) {
      if (!demo()) setStatus({ demoCallers: [] });
      health.stop();
      health = buildHealth();
      identity = buildIdentity();
      setStatus({ itop: { state: 'checking', url: next.itop.url } });
      if (server) void identity.check();
    } else if (['connected', 'demo'].includes(events.status().itop.state)) onConnected();
    publishDialRoute();
    publishing.request();
  }

  return {
    handlers,
    onEvent: (listener) => events.subscribe(listener),
    ingest,
    reconfigure,
    config: () => config,
    handleLink: (url, origin = 'deep-link') => links.handleLink(url, origin),
    handleDialIntent: (intent, origin = 'deep-link') => links.handleDialIntent(intent, origin),
    intakeServer: () => server,
    async start() {
      // The saved phone index answers lookups at once, also while iTop is unreachable.
      void kit.index.start();
      const memory = await openChoiceMemory({ dataDir: deps.dataDir, now: () => clock.now(), log: (m) => log.warn(m) });
      history = await openCallHistory({ dataDir: deps.dataDir, log: (m) => log.warn(m) });
      enricher = createCallEnricher({ phone: liveKit.phone, lookup: liveKit.callers, lists: liveKit.lists, memory, callersLabel: liveKit.callersLabel, onChange: () => publishing.request(), log: (m) => log.warn(m) });
      server = createIntakeServer({
        port: deps.intakePort ?? config.cti.port,
        token: config.cti.token,
        // Live: an imported telephony configuration maps the next 3CX call's parameters without a restart.
        urlParameters: live(() => config.telephony.url_parameters),
        dedupeWindowMs: config.cti.dedupeWindowMs,
        clock,
        log,
        // Bridge reports of the app's own dials are renamed to the dialer's call id before the sessions see them.
        onEvent: (event) => ingest(dial.dialer.routeEvent(event)),
      });
      const { port } = await server.start();
      server.onBridgeStatus((b) => {
        setStatus({ bridge: { connected: b.connected, port } });
        publishDialRoute();
      });
      setStatus({ bridge: { connected: server.bridgeStatus().connected, port } });
      publishDialRoute();
      for (const event of pending.splice(0)) ingest(event);
      await writes.outbox.start();
      sweep = setInterval(() => {
        sessions.expire(); // calls whose hang-up never came
        outbound.review(sessions.snapshot().calls, clock.now());
      }, deps.sweepEveryMs ?? 15_000);
      sweep.unref();
      // Connection check, list class probe and index build run in the background: calls work meanwhile.
      void identity.check();
    },
    async stop() {
      if (sweep) clearInterval(sweep);
      health.stop();
      await kit.index.stop();
      await server?.stop();
      await outbound.idle();
      await writes.outbox.stop();
      await history?.flush();
    },
  };
}
