import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { regionOfCountry } from './country-region';

describe('Location.country → region', () => {
  it.each([
    ['France', 'FR'], ['fr', 'FR'], ['Deutschland', 'DE'], ['Allemagne', 'DE'], ['Germany', 'DE'],
    ['United Kingdom', 'GB'], ['UK', 'GB'], ['Royaume-Uni', 'GB'], ['Schweiz', 'CH'], ['Suisse', 'CH'],
    ['Belgique', 'BE'], ['België', 'BE'], ['USA', 'US'], ['United States', 'US'], ['  états-unis ', 'US'],
  ])('%s → %s', (name, region) => {
    expect(regionOfCountry(name)).toBe(region);
  });

  it('answers undefined for unknown or empty text, never throws', () => {
    expect(regionOfCountry('')).toBeUndefined();
    expect(regionOfCountry('Atlantis')).toBeUndefined();
    fc.assert(fc.property(fc.string(), (s) => {
      const r = regionOfCountry(s);
      expect(r === undefined || /^[A-Z]{2}$/.test(r)).toBe(true);
    }));
  });
});
