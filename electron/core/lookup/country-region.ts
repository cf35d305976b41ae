import { getCountries } from 'libphonenumber-js';

/**
 * Maps what iTop stores in `Location.country` (free text: "France", "Deutschland", "UK", "fr"…) to the
 * ISO region libphonenumber needs to read a STORED number written in national form (`030/1234568`).
 * Names come from ICU (Intl.DisplayNames) in the languages iTop ships most, so no hand-kept table drifts.
 */
const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt'] as const;

// Common spellings ICU does not produce (short forms, older names); keys are already folded.
const ALIASES: Readonly<Record<string, string>> = {
  uk: 'GB',
  'great britain': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  usa: 'US',
  'u s a': 'US',
  'u s': 'US',
  america: 'US',
  'united states of america': 'US',
  'etats unis d amerique': 'US',
  holland: 'NL',
  'czech republic': 'CZ',
  'republique tcheque': 'CZ',
  'tschechische republik': 'CZ',
  schweizerland: 'CH',
  helvetia: 'CH',
};

/** Lower-case, accents and punctuation removed, spaces collapsed: "Royaume-Uni" → "royaume uni". */
export function foldCountryName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

let table: Map<string, string> | undefined;

function buildTable(): Map<string, string> {
  const map = new Map<string, string>();
  const regions = getCountries();
  for (const region of regions) map.set(region.toLowerCase(), region);
  for (const language of LANGUAGES) {
    const names = new Intl.DisplayNames([language], { type: 'region' });
    for (const region of regions) {
      const name = names.of(region);
      if (name && name !== region) {
        const key = foldCountryName(name);
        if (!map.has(key)) map.set(key, region);
      }
    }
  }
  for (const [alias, region] of Object.entries(ALIASES)) if (!map.has(alias)) map.set(alias, region);
  return map;
}

/** ISO 3166 alpha-2 region for a country name or code, or undefined when the text is not recognised. */
export function regionOfCountry(country: string): string | undefined {
  const key = foldCountryName(country);
  if (key === '') return undefined;
  table ??= buildTable();
  return table.get(key);
}
