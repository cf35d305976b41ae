import { join } from 'node:path';
import type { AppConfig } from '../../../shared/config/app-config';
import { createCreationService, type CreationService } from '../creation';
import type { Log } from '../intake/log';
import { createJournal, type Journal } from '../journal';
import { createOutbox, systemClock, type Outbox, type OutboxClock } from '../outbox';
import type { LookupKit } from './lookup-kit';

/** Everything that writes to iTop, all through one durable outbox (`<dataDir>/outbox.json`). */
export interface WriteKit {
  readonly outbox: Outbox;
  readonly journal: Journal;
  readonly creation: CreationService;
  /** iTop's server time zone: dates in PhoneCalls and `$datetime$`. */
  readonly timeZone: string;
}

export interface WriteKitDeps {
  readonly config: AppConfig;
  readonly kit: LookupKit;
  readonly dataDir: string;
  readonly clock: { now(): number };
  readonly log: Log;
  /** A Person was created or got a number from a call. */
  readonly onPersonChanged: (personId: string) => void;
  /** Outbox timers; default: real timers that never keep the process alive. */
  readonly timers?: Pick<OutboxClock, 'setTimeout' | 'clearTimeout'>;
  /** How long ticket:create waits for iTop before answering "queued". */
  readonly createWaitMs?: number;
  /** The running outbox, kept when a settings change rebuilds the journal and creation (companion reconfigure). */
  readonly outbox?: Outbox;
}

export function createWriteKit(deps: WriteKitDeps): WriteKit {
  const { config, kit } = deps;
  const timeZone = config.itop.serverTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const timers = deps.timers ?? systemClock;
  const outbox = deps.outbox ?? createOutbox({
    file: join(deps.dataDir, 'outbox.json'),
    client: kit.client,
    clock: { now: () => deps.clock.now(), setTimeout: timers.setTimeout, clearTimeout: timers.clearTimeout },
    log: deps.log,
  });
  const journal = createJournal({ outbox, journal: config.journal, timeZone });
  const creation = createCreationService({
    outbox,
    client: kit.client,
    journal,
    telephony: config.telephony,
    itopUrl: config.itop.url,
    timeZone,
    now: () => deps.clock.now(),
    onPersonChanged: deps.onPersonChanged,
    ...(deps.createWaitMs !== undefined ? { waitMs: deps.createWaitMs } : {}),
  });
  return { outbox, journal, creation, timeZone };
}
