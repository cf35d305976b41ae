import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../shared/contract/settings';
import { useSettingsActions, useSettingsRequests, useUiActions } from '../../stores/stores-context';
import { CtiSection } from './CtiSection';
import { AuthModeChoice, Field, Outcome } from './Field';
import { TelephonySection } from './TelephonySection';

type Step = 'url' | 'login' | 'telephony' | 'bridge';
const STEPS: Step[] = ['url', 'login', 'telephony', 'bridge'];

/**
 * First run with no iTop: the URL, a login tested against it (the agent sees who they sign in as), an
 * optional import of the telephony extension's configuration, then what the PBX admin copies. Each save
 * applies at once (no restart). The secret is always typed here: nothing stored is sent to a new URL.
 */
export function SetupGuide({ view, onDone }: { view: SettingsView; onDone: () => void }) {
  const { t } = useTranslation();
  const { testRequested, saveRequested } = useSettingsActions();
  const { test, save } = useSettingsRequests();
  const [step, setStep] = useState<Step>('url');
  const [url, setUrl] = useState(view.itop.url);
  const [authMode, setAuthMode] = useState<'password' | 'token'>('password');
  const [user, setUser] = useState(view.itop.user);
  const [secret, setSecret] = useState('');
  const credentials = authMode === 'token' ? { token: secret } : { user, password: secret };
  const urlValid = /^https?:\/\/[^\s/]+/i.test(url.trim());
  const tested = test.state === 'done' && test.value.ok ? test.value : undefined;

  const onUrl = (e: FormEvent) => {
    e.preventDefault();
    if (urlValid) setStep('login');
  };
  const onLogin = async (e: FormEvent) => {
    e.preventDefault();
    if (!tested) return void testRequested({ url: url.trim(), authMode, ...credentials });
    if (await saveRequested({ itop: { url: url.trim(), authMode, ...credentials } })) {
      setSecret('');
      setStep('telephony');
    }
  };
  return (
    <section className="card setup" aria-labelledby="setup-title">
      <h2 id="setup-title" className="card__title">{t('setup.title')}</h2>
      <p className="hint">{t('setup.intro')}</p>
      <ol className="setup__steps">
        {STEPS.map((s) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={s === step ? 'setup__step--on' : ''}>{t(`setup.step.${s}`)}</li>
        ))}
      </ol>
      {step === 'url' && (
        <>
          <form onSubmit={onUrl} aria-label={t('setup.step.url')}>
            <Field label={t('settings.url')} type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://itop.example.com" autoComplete="url" required hint={t('setup.urlHint')} />
            <button type="submit" className="button button--primary" disabled={!urlValid}>{t('setup.next')}</button>
          </form>
          {view.demo === 'available' && <TryDemo onStarted={onDone} />}
        </>
      )}
      {step === 'login' && (
        <form onSubmit={(e) => void onLogin(e)} aria-label={t('setup.step.login')}>
          <AuthModeChoice value={authMode} modes={['password', 'token']} onChange={setAuthMode} />
          {authMode === 'password' && <Field label={t('settings.user')} value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" required />}
          <Field label={t(authMode === 'token' ? 'settings.token' : 'settings.password')} type="password" value={secret} onChange={(e) => setSecret(e.target.value)} required autoComplete="off" />
          <div className="actions">
            <button type="button" className="button" onClick={() => setStep('url')}>{t('setup.back')}</button>
            <button type="submit" className="button button--primary" disabled={test.state === 'busy' || save.state === 'busy' || secret === ''}>
              {tested ? t('setup.saveLogin') : test.state === 'busy' ? t('settings.testing') : t('settings.test')}
            </button>
          </div>
          {tested && <Outcome tone="ok">{t('settings.testOk', { name: tested.identity ? [tested.identity.name, tested.identity.organization].filter(Boolean).join(' · ') : tested.message })}</Outcome>}
          {test.state === 'done' && !test.value.ok && <Outcome tone="error">{t('settings.testFailed', { message: test.value.message })}</Outcome>}
          {test.state === 'error' && <Outcome tone="error">{t('settings.testFailed', { message: test.message })}</Outcome>}
        </form>
      )}
      {step === 'telephony' && (
        <>
          <p className="hint">{t('setup.telephonyHint')}</p>
          <TelephonySection view={view} />
          <button type="button" className="button button--primary" onClick={() => setStep('bridge')}>{t('setup.next')}</button>
        </>
      )}
      {step === 'bridge' && (
        <>
          <p className="hint">{t('setup.bridgeHint')}</p>
          <CtiSection view={view} />
          <button type="button" className="button button--primary" onClick={onDone}>{t('setup.done')}</button>
        </>
      )}
    </section>
  );
}

/** The demo one click away: the built-in simulator with sample callers, for this run only (nothing is saved). */
function TryDemo({ onStarted }: { onStarted: () => void }) {
  const { t } = useTranslation();
  const { demoRequested } = useSettingsActions();
  const { demo } = useSettingsRequests();
  const { pageChosen } = useUiActions();
  const start = async () => {
    if (!(await demoRequested())) return;
    onStarted();
    pageChosen('calls');
  };
  return (
    <div className="setup__demo">
      <p className="hint">{t('setup.demoHint')}</p>
      <button type="button" className="button" disabled={demo.state === 'busy'} onClick={() => void start()}>
        {demo.state === 'busy' ? t('setup.demoStarting') : t('setup.demo')}
      </button>
      {demo.state === 'error' && <Outcome tone="error">{demo.message}</Outcome>}
    </div>
  );
}
