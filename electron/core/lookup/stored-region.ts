import type { PersonRecord } from './person-record';

export interface StoredRegionSources {
  readonly defaultRegion: string;
  /** config.phone.orgRegions: organization id or name → ISO region. */
  readonly orgRegions: Readonly<Record<string, string>>;
  /** Location id → ISO region, from the Locations' `country` (see country-region.ts). */
  readonly locationRegions: ReadonlyMap<string, string>;
}

/**
 * The region in which a Person's STORED numbers are read: a per-organization region from the configuration
 * wins (an admin knows their German subsidiary writes `030/…`), then the Person's location country, then the
 * default region.
 */
export function createStoredRegionResolver(sources: StoredRegionSources): (person: PersonRecord) => string {
  const byOrg = new Map<string, string>();
  for (const [key, region] of Object.entries(sources.orgRegions)) byOrg.set(key.trim().toLowerCase(), region.toUpperCase());
  return (person) =>
    (person.orgId !== '' ? byOrg.get(person.orgId) : undefined) ??
    (person.orgName !== '' ? byOrg.get(person.orgName.trim().toLowerCase()) : undefined) ??
    (person.locationId !== '' && person.locationId !== '0' ? sources.locationRegions.get(person.locationId) : undefined) ??
    sources.defaultRegion;
}
