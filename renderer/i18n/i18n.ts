import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de } from './messages/de';
import { en } from './messages/en';
import { fr } from './messages/fr';

export const LANGUAGES = ['en', 'fr', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];
export type LanguageSetting = Language | 'auto';

/** The first OS/browser language we translate, else English. */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    const hit = LANGUAGES.find((l) => l === base);
    if (hit) return hit;
  }
  return 'en';
}

export const resolveLanguage = (setting: LanguageSetting, preferred: readonly string[]): Language =>
  setting === 'auto' ? detectLanguage(preferred) : setting;

/** One i18next instance per app (created, not imported as a singleton, so tests can make their own). */
export async function createI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, fr: { translation: fr }, de: { translation: de } },
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}
