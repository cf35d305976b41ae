import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../shared/contract/settings';
import { detectLanguage } from '../../i18n/i18n';
import { useSettingsActions } from '../../stores/stores-context';

const NAMES = { en: 'English', fr: 'Français', de: 'Deutsch' } as const;

/** Saved in the core's settings; the app switches at once (App follows `ui.language`). */
export function LanguageSection({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const { saveRequested } = useSettingsActions();
  const id = useId();
  const system = NAMES[detectLanguage(navigator.languages)];
  return (
    <section className="card" aria-labelledby="settings-language">
      <h2 id="settings-language" className="card__title">{t('settings.language')}</h2>
      <div className="field">
        <label htmlFor={id}>{t('settings.language')}</label>
        <select id={id} value={view.ui.language} onChange={(e) => void saveRequested({ ui: { language: e.target.value as SettingsView['ui']['language'] } })}>
          <option value="auto">{t('settings.auto', { lang: system })}</option>
          {Object.entries(NAMES).map(([code, name]) => (
            <option key={code} value={code} lang={code}>
              {name}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
