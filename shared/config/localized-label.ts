import type { LabelledEntry } from './telephony';

/**
 * iTop names languages "FR FR", "EN US", "PT BR", "ES CR"…; the app knows "fr", "fr-CA", "pt_BR".
 * Both are reduced to [language, country?] in upper case so either spelling finds `label/FR FR`.
 */
function languageParts(code: string): [string, string | undefined] {
  const [language = '', country] = code.trim().toUpperCase().split(/[\s_-]+/);
  return [language, country];
}

/**
 * The label for `language`: the exact `label/XX YY` entry, else any entry of the same language
 * (so "fr" finds `label/FR FR`, "fr-CA" falls back to `label/FR FR`), else the plain `label`.
 */
export function localizedLabel(entry: LabelledEntry, language: string): string {
  const [wantedLanguage, wantedCountry] = languageParts(language);
  if (wantedLanguage === '') return entry.label;
  let sameLanguage: string | undefined;
  let sameLanguageSameCountry: string | undefined;
  for (const [key, value] of Object.entries(entry)) {
    if (!key.startsWith('label/') || typeof value !== 'string') continue;
    const [language, country] = languageParts(key.slice('label/'.length));
    if (language !== wantedLanguage) continue;
    if (country === wantedCountry) return value;
    // iTop's own code for a language usually repeats it ("FR FR", "DE DE"): prefer that as the fallback.
    if (country === language) sameLanguageSameCountry ??= value;
    sameLanguage ??= value;
  }
  return sameLanguageSameCountry ?? sameLanguage ?? entry.label;
}

/**
 * Replaces the extension's `$name$` markers (`$phone$`, `$datetime$`…) with the given values. Unknown
 * markers stay as written, so a typo shows up on screen instead of silently vanishing.
 */
export function substituteLabel(label: string, values: Readonly<Record<string, string>>): string {
  return label.replace(/\$([A-Za-z_][\w-]*)\$/g, (marker, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? (values[name] as string) : marker,
  );
}
