import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A labelled input with an optional hint, wired for screen readers (label + aria-describedby). */
export function Field({ label, hint, ...input }: { label: string; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-describedby={hint ? hintId : undefined} {...input} />
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** Outcome line of a save/test: polite for success, assertive for failure. */
export function Outcome({ tone, children }: { tone: 'ok' | 'error' | 'busy'; children: ReactNode }) {
  return (
    <p className={`outcome outcome--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}

type AuthMode = 'password' | 'token';

/** Password or personal token, as chips (the setup offers the password first, the settings screen the token). */
export function AuthModeChoice({ value, modes, onChange }: { value: AuthMode; modes: readonly AuthMode[]; onChange: (mode: AuthMode) => void }) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="segmented">
      <legend>{t('settings.authMode')}</legend>
      {modes.map((mode) => (
        <label key={mode} className={`chip ${value === mode ? 'chip--on' : ''}`}>
          <input type="radio" name={name} value={mode} checked={value === mode} onChange={() => onChange(mode)} />
          <span className="chip__label">{t(mode === 'token' ? 'settings.token' : 'settings.password')}</span>
        </label>
      ))}
    </fieldset>
  );
}
