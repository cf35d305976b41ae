import { err, ok, type Result } from '../../../shared/result';
import { fetchAllPersons, fetchLocationRegions } from './index-fetch';
import { keyAllInSlices, type KeyCache } from './index-keys';
import type { ItopReader, ReadFailure } from './itop-reader';
import type { PersonRecord } from './person-record';
import { createPhoneIndex, type PhoneIndex } from './phone-index';
import { createStoredRegions, type StoredRegions } from './stored-region';

export interface IndexBuildDeps {
  readonly reader: ItopReader;
  readonly defaultRegion: string;
  readonly orgRegions: Readonly<Record<string, string>>;
  readonly suffixDigits: number;
  readonly phoneAttributes: readonly string[];
  readonly pageSize: number;
  readonly concurrency?: number;
  readonly outputFields: readonly string[];
  /** Attributes iTop refused once: not asked again (shared with the refresh steps). */
  readonly refusedFields: Set<string>;
  readonly keys: KeyCache;
  readonly slim: (person: PersonRecord) => PersonRecord;
  readonly describeFailure: (failure: ReadFailure) => string;
  readonly log?: (message: string) => void;
}

export interface BuiltIndex {
  readonly index: PhoneIndex;
  readonly locations: ReadonlyMap<string, string>;
  readonly regions: StoredRegions;
  readonly maxId: number;
}

/**
 * The whole directory from iTop, as a new index beside the one in use: nothing of the service's state changes
 * until it swaps the result in (a save or a change meanwhile still sees one consistent index and its regions).
 */
export async function buildIndex(deps: IndexBuildDeps): Promise<Result<BuiltIndex, ReadFailure>> {
  const [places, persons] = await Promise.all([
    fetchLocationRegions(deps.reader),
    fetchAllPersons(deps.reader, { pageSize: deps.pageSize, concurrency: deps.concurrency ?? 4, outputFields: deps.outputFields, phoneAttributes: deps.phoneAttributes, refusedFields: deps.refusedFields }),
  ]);
  if (!persons.ok) return err(persons.error);
  if (!places.ok) deps.log?.(`Location countries unavailable, stored numbers use organization/default regions: ${deps.describeFailure(places.error)}`);
  const locations = places.ok ? places.value : new Map<string, string>();
  const regions = createStoredRegions({ defaultRegion: deps.defaultRegion, orgRegions: deps.orgRegions, locationRegions: locations });
  const records = persons.value.map(deps.slim);
  await keyAllInSlices(records, regions, deps.keys.keyed);
  deps.keys.retain(records, regions);
  const index = createPhoneIndex(records, { suffixDigits: deps.suffixDigits, keyStored: deps.keys.keyed, regionOf: regions.regionOf, regionKnown: regions.regionKnown });
  return ok({ index, locations, regions, maxId: records.reduce((m, p) => Math.max(m, Number(p.id)), 0) });
}
