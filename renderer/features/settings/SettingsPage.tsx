import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStatus, useSettingsActions, useSettingsRequests, useSettingsView } from '../../stores/stores-context';
import { CtiSection } from './CtiSection';
import { DialShortcutSection } from './DialShortcutSection';
import { DialSection } from './DialSection';
import { Outcome } from './Field';
import { ItopSection } from './ItopSection';
import { LanguageSection } from './LanguageSection';
import { PhoneSection } from './PhoneSection';
import { SetupGuide } from './SetupGuide';
import { TelephonySection } from './TelephonySection';

export function SettingsPage() {
  const { t } = useTranslation();
  const view = useSettingsView();
  const { load, save } = useSettingsRequests();
  const { loadRequested } = useSettingsActions();
  // No iTop configured when the screen opens: the setup guide leads, until the agent finishes it.
  const notConfigured = useAppStatus()?.itop.state === 'not-configured';
  const [guide, setGuide] = useState(notConfigured);
  useEffect(() => {
    void loadRequested();
  }, [loadRequested]);
  if (!view) {
    return load.state === 'error' ? <Outcome tone="error">{t('settings.loadFailed', { message: load.message })}</Outcome> : <p role="status">{t('settings.loading')}</p>;
  }
  return (
    <section className="page settings" aria-label={t('settings.title')}>
      {view.secretStorageWarning && <p className="hint hint--warning">{view.secretStorageWarning}</p>}
      {save.state === 'done' && <Outcome tone="ok">{t('settings.saved')}</Outcome>}
      {save.state === 'error' && <Outcome tone="error">{t('settings.saveFailed', { message: save.message })}</Outcome>}
      {guide ? (
        <SetupGuide view={view} onDone={() => setGuide(false)} />
      ) : (
        <>
          <ItopSection view={view} />
          <PhoneSection view={view} />
          <CtiSection view={view} />
          <DialSection view={view} />
          <DialShortcutSection view={view} />
          <TelephonySection view={view} />
          <LanguageSection view={view} />
        </>
      )}
    </section>
  );
}
