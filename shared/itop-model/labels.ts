import type { EnumValue, Labels } from './schema';

/** A dictionary entry in English, French and German (iTop's en/fr/de dictionaries). */
export const l = (en: string, fr: string, de: string): Labels => ({ en, fr, de });

/** Enum values with their labels, in iTop's declaration order. */
export const values = (entries: readonly (readonly [code: string, labels: Labels])[]): EnumValue[] => entries.map(([code, label]) => ({ code, label }));

/** The label in the agent's language ("fr", "de-AT"…), English otherwise, as iTop falls back. */
export function labelIn(labels: Labels, language: string): string {
  const lang = language.slice(0, 2).toLowerCase();
  return (lang === 'fr' ? labels.fr : lang === 'de' ? labels.de : undefined) ?? labels.en;
}
