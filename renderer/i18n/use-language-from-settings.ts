import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettingsActions, useSettingsView } from '../stores/stores-context';
import { resolveLanguage } from './i18n';

/** The language follows the core's `ui.language` ('auto' = the OS/browser languages). */
export function useLanguageFromSettings() {
  const { i18n } = useTranslation();
  const view = useSettingsView();
  const { loadRequested } = useSettingsActions();
  useEffect(() => {
    void loadRequested();
  }, [loadRequested]);
  const setting = view?.ui.language ?? 'auto';
  useEffect(() => {
    const lang = resolveLanguage(setting, navigator.languages);
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
    document.documentElement.lang = lang;
  }, [setting, i18n]);
}
