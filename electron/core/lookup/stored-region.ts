import type { PersonRecord } from './person-record';

export interface StoredRegionSources {
  readonly defaultRegion: string;
  /** config.phone.orgRegions: organization id or name → ISO region. */
  readonly orgRegions: Readonly<Record<string, string>>;
  /** Location id → ISO region, from the Locations' `country` (see country-region.ts). */
  readonly locationRegions: ReadonlyMap<string, string>;
}

export interface StoredRegions {
  /** The region in which a Person's stored numbers are read. */
  readonly regionOf: (person: PersonRecord) => string;
  /** True when that region comes from the organization or the Location, false when it is the default guess. */
  readonly regionKnown: (person: PersonRecord) => boolean;
}

/**
 * The region in which a Person's STORED numbers are read: a per-organization region from the configuration
 * wins (an admin knows their German subsidiary writes `030/…`), then the Person's location country, then the
 * default region — which is only a guess, so national numbers read with it are uncertain (match-rules.ts).
 */
export function createStoredRegions(sources: StoredRegionSources): StoredRegions {
  const byOrg = new Map<string, string>();
  for (const [key, region] of Object.entries(sources.orgRegions)) byOrg.set(key.trim().toLowerCase(), region.toUpperCase());
  const known = (person: PersonRecord): string | undefined =>
    (person.orgId !== '' ? byOrg.get(person.orgId) : undefined) ??
    (person.orgName !== '' ? byOrg.get(person.orgName.trim().toLowerCase()) : undefined) ??
    (person.locationId !== '' && person.locationId !== '0' ? sources.locationRegions.get(person.locationId) : undefined);
  return { regionOf: (person) => known(person) ?? sources.defaultRegion, regionKnown: (person) => known(person) !== undefined };
}

export function createStoredRegionResolver(sources: StoredRegionSources): (person: PersonRecord) => string {
  return createStoredRegions(sources).regionOf;
}
