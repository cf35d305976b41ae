import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../shared/contract/settings';
import { useSettingsActions, useSettingsRequests } from '../../stores/stores-context';
import { AuthModeChoice, Field, Outcome } from './Field';

/** iTop URL and sign-in; secrets are write-only (the core reports only whether one is stored). */
export function ItopSection({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const { testRequested, saveRequested } = useSettingsActions();
  const { test, save } = useSettingsRequests();
  const [url, setUrl] = useState(view.itop.url);
  const [authMode, setAuthMode] = useState(view.itop.authMode);
  const [user, setUser] = useState(view.itop.user);
  const [secret, setSecret] = useState('');
  const stored = authMode === 'token' ? view.itop.hasToken : view.itop.hasPassword;
  const credentials = () =>
    authMode === 'token' ? { token: secret || undefined } : { user, password: secret || undefined };

  const onSave = (e: FormEvent) => {
    e.preventDefault();
    void saveRequested({ itop: { url, authMode, ...credentials() } }).then((saved) => saved && setSecret(''));
  };
  return (
    <form className="card" onSubmit={onSave} aria-labelledby="settings-itop">
      <h2 id="settings-itop" className="card__title">{t('settings.itop')}</h2>
      <Field label={t('settings.url')} type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://itop.example.com" autoComplete="url" />
      <AuthModeChoice value={authMode} modes={['token', 'password']} onChange={setAuthMode} />
      {authMode === 'password' && <Field label={t('settings.user')} value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" />}
      <Field
        label={t(authMode === 'token' ? 'settings.token' : 'settings.password')}
        type="password"
        value={secret}
        onChange={(e) => setSecret(e.target.value)}
        placeholder={stored ? `•••••• (${t('settings.stored')})` : ''}
        autoComplete={authMode === 'token' ? 'off' : 'current-password'}
      />
      <div className="actions">
        <button type="button" className="button" disabled={test.state === 'busy'} onClick={() => void testRequested({ url, authMode, ...credentials(), useStoredSecret: secret === '' })}>
          {test.state === 'busy' ? t('settings.testing') : t('settings.test')}
        </button>
        <button type="submit" className="button button--primary" disabled={save.state === 'busy'}>
          {t('settings.save')}
        </button>
      </div>
      {test.state === 'done' &&
        (test.value.ok ? (
          <Outcome tone="ok">
            {t('settings.testOk', { name: test.value.identity ? [test.value.identity.name, test.value.identity.organization].filter(Boolean).join(' · ') : test.value.message })}
          </Outcome>
        ) : (
          <Outcome tone="error">{t('settings.testFailed', { message: test.value.message })}</Outcome>
        ))}
      {test.state === 'error' && <Outcome tone="error">{t('settings.testFailed', { message: test.message })}</Outcome>}
    </form>
  );
}
