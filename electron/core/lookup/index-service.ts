import { err, ok, type Result } from '../../../shared/result';
import { systemTimers, type Timers } from '../shell/timers';
import { buildIndex } from './index-build';
import type { IndexSource } from './index-file';
import { createKeyCache } from './index-keys';
import { createIndexStore } from './index-store';
import { planSlice, randomCursor, readSlice, sliceChanges, stepsPerCycle } from './index-refresh';
import type { ItopReader, ReadFailure } from './itop-reader';
import { createSlimmer, indexOutputFields, samePerson, type PersonRecord } from './person-record';
import type { KeyStoredNumber, PhoneIndex } from './phone-index';
import { createStoredRegions, type StoredRegions } from './stored-region';

export interface IndexStatus {
  readonly persons: number;
  readonly numbers: number;
  /** When the index in memory became usable (loaded from disk or built). */
  readonly builtAt?: number;
  readonly building: boolean;
  readonly error?: string;
  readonly buildMs?: number;
  /** Heap growth measured across the last build (bytes); an indication, GC makes it approximate. */
  readonly heapBytes?: number;
  /** Where the index in memory came from: the agent's disk (at start) or iTop. */
  readonly source?: 'disk' | 'itop';
  /** When iTop last answered an index request: the data is at least this fresh. */
  readonly syncedAt?: number;
  /** True when the data may be out of date: loaded from disk and not yet confirmed, or the last refresh failed. */
  readonly stale: boolean;
}

export interface IndexServiceDeps {
  readonly reader: ItopReader;
  readonly keyStored: KeyStoredNumber;
  readonly defaultRegion: string;
  readonly orgRegions: Readonly<Record<string, string>>;
  readonly suffixDigits: number;
  readonly phoneAttributes: readonly string[];
  /** caller_information.display_name attributes, fetched with the index so matches display without a request. */
  readonly displayAttributes: readonly string[];
  readonly pageSize: number;
  /** Minutes between refresh steps (new Persons + one slice of the directory); 0 = no refresh. */
  readonly refreshMinutes: number;
  /** Hours over which the rolling slices re-read the whole directory. */
  readonly cycleHours: number;
  /** Where the index is kept between starts; absent = memory only. */
  readonly store?: { readonly path: string; readonly source: IndexSource };
  readonly concurrency?: number;
  readonly now: () => number;
  readonly timers?: Timers;
  /** The schedule's random phase (tests and the load model pass their own). */
  readonly random?: () => number;
  readonly describeFailure: (failure: ReadFailure) => string;
  readonly log?: (message: string) => void;
  readonly onChange?: (status: IndexStatus) => void;
}

export interface PhoneIndexService {
  /** The index in memory (from disk or iTop); stays usable while a rebuild or a refresh runs. */
  current(): PhoneIndex | undefined;
  status(): IndexStatus;
  /** Loads the saved index (once), then refreshes on a jittered schedule (a step builds when there is no index yet). */
  start(): Promise<void>;
  /** Resolves once the saved index was read (reading it now if start() has not): then current() tells whether a build is needed. */
  whenLoaded(): Promise<void>;
  /** Stops the schedule and saves what changed; start() may be called again afterwards. */
  stop(): Promise<void>;
  /** Downloads the whole directory now (joins a rebuild already running): the admin's "rebuild now". */
  rebuild(): Promise<Result<IndexStatus, string>>;
  /** One refresh step now: new Persons and the next slice of the directory. */
  refresh(): Promise<Result<IndexStatus, string>>;
  /** Adds or refreshes one Person right away (a contact just created, a Person re-read at call time). */
  learn(person: PersonRecord): void;
  /** Drops one Person (iTop no longer returns it). */
  forget(personId: string): void;
  regionOf(person: PersonRecord): string;
  /** True when the Person's region comes from its organization or Location (its national numbers are certain). */
  regionKnown(person: PersonRecord): boolean;
}

export function createPhoneIndexService(deps: IndexServiceDeps): PhoneIndexService {
  const timers = deps.timers ?? systemTimers;
  const random = deps.random ?? Math.random;
  const steps = stepsPerCycle(deps.cycleHours, deps.refreshMinutes);
  const outputFields = indexOutputFields(deps.phoneAttributes, deps.displayAttributes);
  const refusedFields = new Set<string>();
  const keys = createKeyCache(deps.keyStored);
  let index: PhoneIndex | undefined;
  let state: IndexStatus = { persons: 0, numbers: 0, building: false, stale: false };
  let locations: ReadonlyMap<string, string> = new Map();
  let regions: StoredRegions = createStoredRegions({ defaultRegion: deps.defaultRegion, orgRegions: deps.orgRegions, locationRegions: locations });
  let maxId = 0;
  let cursor = 0;
  let dirty = false;
  let running: Promise<Result<IndexStatus, string>> | undefined;
  let stepping: Promise<Result<IndexStatus, string>> | undefined;
  let loaded: Promise<void> | undefined;
  let timer: unknown;
  let armed = false;
  let saving: Promise<void> = Promise.resolve();
  // Changes made while a build runs are re-applied to its result, or they would vanish on swap.
  let duringBuild: (PersonRecord | string)[] = [];

  const slim = createSlimmer(deps.displayAttributes);

  /** `error: undefined` clears the error. */
  const publish = (patch: Partial<Omit<IndexStatus, 'error'>> & { readonly error?: string | undefined }): IndexStatus => {
    const { error, ...rest } = { ...state, ...patch, ...(index ? { persons: index.persons, numbers: index.numbers } : {}) };
    state = error === undefined ? rest : { ...rest, error };
    deps.onChange?.(state);
    return state;
  };
  const failed = (what: string, failure: ReadFailure): Result<IndexStatus, string> => {
    const error = `${what}: ${deps.describeFailure(failure)}`;
    deps.log?.(error);
    publish({ building: false, error, stale: index !== undefined });
    return err(error);
  };
  const use = (built: PhoneIndex, patch: Parameters<typeof publish>[0]): void => {
    index = built;
    publish(patch);
  };

  const store = createIndexStore({ ...deps, keys, slim });
  const save = (): Promise<void> => {
    const current = index;
    if (!current) return saving;
    dirty = false;
    saving = store.save(current, { syncedAt: state.syncedAt ?? 0, maxId, cursor, locations, regions });
    return saving;
  };

  const load = async (): Promise<void> => {
    const saved = await store.load();
    if (!saved || index) return; // nothing usable, or a build finished first: it is newer
    ({ locations, regions, maxId, cursor } = saved);
    use(saved.index, { builtAt: deps.now(), source: 'disk', stale: true, ...(saved.syncedAt > 0 ? { syncedAt: saved.syncedAt } : {}) });
  };

  const build = async (): Promise<Result<IndexStatus, string>> => {
    publish({ building: true });
    duringBuild = [];
    const started = deps.now();
    const heapBefore = process.memoryUsage().heapUsed;
    const result = await buildIndex({ ...deps, outputFields, refusedFields, keys, slim });
    if (!result.ok) return failed('The phone index could not be built', result.error);
    const built = result.value.index;
    for (const change of duringBuild) {
      if (typeof change === 'string') built.forget(change);
      else built.learn(change);
    }
    duringBuild = [];
    const firstBuild = index === undefined || state.source === 'disk';
    ({ locations, regions, maxId } = result.value);
    if (firstBuild) cursor = randomCursor(maxId, steps, random);
    const at = deps.now();
    use(built, { builtAt: at, syncedAt: at, source: 'itop', stale: false, building: false, error: undefined, buildMs: at - started, heapBytes: Math.max(0, process.memoryUsage().heapUsed - heapBefore) });
    void save();
    return ok(state);
  };

  const step = async (): Promise<Result<IndexStatus, string>> => {
    const current = index;
    if (!current || running) return running ?? service.rebuild();
    const plan = planSlice(maxId, cursor, steps);
    const reply = await readSlice(deps.reader, plan, { pageSize: deps.pageSize, outputFields, phoneAttributes: deps.phoneAttributes, refusedFields });
    if (!reply.ok) return failed('The phone index could not be refreshed', reply.error);
    if (index !== current) return ok(state); // rebuilt meanwhile: that result is newer
    const changes = sliceChanges(reply.value, current.ids());
    let changed = 0;
    for (const id of changes.deletedIds) changed += current.forget(id) ? 1 : 0;
    for (const fresh of changes.upserts) {
      const person = slim(fresh);
      const known = current.person(person.id);
      if (known && samePerson(known, person)) continue;
      current.learn(person);
      changed += 1;
    }
    maxId = changes.maxId;
    cursor = plan.hi >= maxId ? 0 : plan.hi;
    dirty = true; // the cursor moved: saved at stop() when nothing else changed
    publish({ syncedAt: deps.now(), stale: false, error: undefined });
    if (changed > 0) void save();
    return ok(state);
  };

  const arm = (delay: number): void => {
    if (!armed || deps.refreshMinutes <= 0) return;
    timer = timers.set(() => {
      void service.refresh().finally(() => arm(deps.refreshMinutes * 60_000));
    }, delay);
  };

  const service: PhoneIndexService = {
    current: () => index,
    status: () => state,
    whenLoaded: () => (loaded ??= load()),
    async start() {
      if (armed) return;
      armed = true;
      loaded ??= load();
      await loaded;
      // A random phase: agents started together (a shift, a reboot of the site) never refresh in step.
      arm(random() * deps.refreshMinutes * 60_000);
    },
    async stop() {
      armed = false;
      if (timer !== undefined) timers.clear(timer);
      timer = undefined;
      if (dirty) await save();
      await saving;
    },
    rebuild() {
      running ??= build().finally(() => {
        running = undefined;
      });
      return running;
    },
    refresh() {
      stepping ??= step().finally(() => {
        stepping = undefined;
      });
      return stepping;
    },
    learn(person) {
      if (running) duringBuild.push(person);
      if (!index) return;
      // maxId stays: Persons created by others below this one must still come with the next new-id pass.
      index.learn(slim(person));
      dirty = true;
      publish({});
    },
    forget(personId) {
      if (running) duringBuild.push(personId);
      if (index?.forget(personId)) {
        dirty = true;
        publish({});
      }
    },
    regionOf: (person) => regions.regionOf(person),
    regionKnown: (person) => regions.regionKnown(person),
  };
  return service;
}
