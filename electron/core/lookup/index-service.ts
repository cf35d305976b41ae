import { ok, type Result } from '../../../shared/result';
import { fetchAllPersons, fetchLocationRegions } from './index-fetch';
import type { ItopReader, ReadFailure } from './itop-reader';
import { personOutputFields, type PersonRecord } from './person-record';
import { createPhoneIndex, type KeyStoredNumber, type PhoneIndex, type StoredKeys } from './phone-index';
import { createStoredRegions, type StoredRegions } from './stored-region';

export interface IndexStatus {
  readonly persons: number;
  readonly numbers: number;
  readonly builtAt?: number;
  readonly building: boolean;
  readonly error?: string;
  readonly buildMs?: number;
  /** Heap growth measured across the last build (bytes); an indication, GC makes it approximate. */
  readonly heapBytes?: number;
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
  readonly refreshMinutes: number;
  readonly concurrency?: number;
  readonly now: () => number;
  readonly describeFailure: (failure: ReadFailure) => string;
  readonly log?: (message: string) => void;
  readonly onChange?: (status: IndexStatus) => void;
}

export interface PhoneIndexService {
  /** The last built index; stays usable while a rebuild runs. */
  current(): PhoneIndex | undefined;
  status(): IndexStatus;
  /** Rebuilds now (joins a rebuild already running). */
  rebuild(): Promise<Result<IndexStatus, string>>;
  /** Adds or refreshes one Person right away (e.g. a contact the agent just created). */
  learn(person: PersonRecord): void;
  regionOf(person: PersonRecord): string;
  /** True when the Person's region comes from its organization or Location (its national numbers are certain). */
  regionKnown(person: PersonRecord): boolean;
  /** Starts periodic refreshes (config.index.refreshMinutes; 0 = never). */
  startRefresh(): void;
  stop(): void;
}

export function createPhoneIndexService(deps: IndexServiceDeps): PhoneIndexService {
  let index: PhoneIndex | undefined;
  let state: IndexStatus = { persons: 0, numbers: 0, building: false };
  let running: Promise<Result<IndexStatus, string>> | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let regions = createStoredRegions({ defaultRegion: deps.defaultRegion, orgRegions: deps.orgRegions, locationRegions: new Map() });
  // Persons learned while a build is running are re-applied to its result, or they would vanish on swap.
  let learnedDuringBuild: PersonRecord[] = [];
  const refusedFields = new Set<string>();
  let keyCache = new Map<string, StoredKeys | null>();
  const outputFields = personOutputFields(deps.phoneAttributes, deps.displayAttributes);

  const publish = (next: IndexStatus): void => {
    state = next;
    deps.onChange?.(state);
  };

  const build = async (): Promise<Result<IndexStatus, string>> => {
    publish({ ...state, building: true });
    learnedDuringBuild = [];
    const started = deps.now();
    const heapBefore = process.memoryUsage().heapUsed;
    const [locations, persons] = await Promise.all([
      fetchLocationRegions(deps.reader),
      fetchAllPersons(deps.reader, {
        pageSize: deps.pageSize,
        concurrency: deps.concurrency ?? 4,
        outputFields,
        phoneAttributes: deps.phoneAttributes,
        refusedFields,
      }),
    ]);
    if (!persons.ok) {
      const error = `The phone index could not be built: ${deps.describeFailure(persons.error)}`;
      deps.log?.(error);
      publish({ ...state, building: false, error });
      return { ok: false, error };
    }
    if (!locations.ok) deps.log?.(`Location countries unavailable, stored numbers use organization/default regions: ${deps.describeFailure(locations.error)}`);
    regions = createStoredRegions({
      defaultRegion: deps.defaultRegion,
      orgRegions: deps.orgRegions,
      locationRegions: locations.ok ? locations.value : new Map(),
    });
    // Normalizing ~200k stored numbers takes seconds: do it in slices so calls keep flowing meanwhile,
    // and reuse the previous build's results for numbers that did not change.
    const keys = await keyAll(persons.value, regions, deps.keyStored, keyCache);
    keyCache = keys;
    const cachedKey: KeyStoredNumber = (raw, region, known) => {
      const hit = keys.get(keyId(raw, region, known));
      return hit === undefined ? deps.keyStored(raw, region, known) : hit ?? undefined;
    };
    const built = createPhoneIndex(persons.value, { suffixDigits: deps.suffixDigits, keyStored: cachedKey, regionOf: regions.regionOf, regionKnown: regions.regionKnown });
    for (const person of learnedDuringBuild) built.learn(person, regions.regionOf);
    learnedDuringBuild = [];
    index = built;
    const builtAt = deps.now();
    publish({
      persons: built.persons,
      numbers: built.numbers,
      builtAt,
      building: false,
      buildMs: builtAt - started,
      heapBytes: Math.max(0, process.memoryUsage().heapUsed - heapBefore),
    });
    return ok(state);
  };

  const service: PhoneIndexService = {
    current: () => index,
    status: () => state,
    rebuild() {
      running ??= build().finally(() => {
        running = undefined;
      });
      return running;
    },
    learn(person) {
      if (running) learnedDuringBuild.push(person);
      if (index) {
        index.learn(person, regions.regionOf);
        publish({ ...state, persons: index.persons, numbers: index.numbers });
      }
    },
    regionOf: (person) => regions.regionOf(person),
    regionKnown: (person) => regions.regionKnown(person),
    startRefresh() {
      if (timer || deps.refreshMinutes <= 0) return;
      timer = setInterval(() => void service.rebuild(), deps.refreshMinutes * 60_000);
      timer.unref?.();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
  return service;
}

const SLICE = 2000;
const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

// The same digits read in a known region or in the default one differ in certainty: both are in the key.
const keyId = (raw: string, region: string, known: boolean): string => `${known ? '' : '?'}${region}|${raw}`;

/** `[?]region|raw` → keys for every stored number, computed in slices that leave the event loop free. */
async function keyAll(
  persons: readonly PersonRecord[],
  regions: StoredRegions,
  keyStored: KeyStoredNumber,
  previous: ReadonlyMap<string, StoredKeys | null>,
): Promise<Map<string, StoredKeys | null>> {
  const keys = new Map<string, StoredKeys | null>();
  let done = 0;
  for (const person of persons) {
    const region = regions.regionOf(person);
    const regionKnown = regions.regionKnown(person);
    for (const phone of person.phones) {
      const id = keyId(phone.raw, region, regionKnown);
      if (keys.has(id)) continue;
      const known = previous.get(id);
      keys.set(id, known !== undefined ? known : keyStored(phone.raw, region, regionKnown) ?? null);
    }
    done += 1;
    if (done % SLICE === 0) await yieldToLoop();
  }
  return keys;
}
