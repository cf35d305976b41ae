import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountryCode } from '../../../shared/phone/metadata';
import { useDialActions, useDial, useSettingsView } from '../../stores/stores-context';
import { DialVia } from './DialVia';

type Formatter = { input(text: string): { formatted: string; e164?: string } };

/**
 * A number typed or pasted by the agent, formatted as they type (libphonenumber's as-you-type, loaded on
 * first use so the phone metadata stays out of the initial bundle). Enter dials.
 */
export function ManualDialer() {
  const { t } = useTranslation();
  const { dialRequested } = useDialActions();
  const { busy } = useDial();
  const region = (useSettingsView()?.phone.defaultRegion ?? 'FR') as CountryCode;
  const [text, setText] = useState('');
  const [e164, setE164] = useState<string | undefined>();
  const formatter = useRef<Formatter | null>(null);
  const inputId = useId();
  const hintId = useId();
  useEffect(() => {
    let live = true;
    void import('../../../shared/phone/dial').then((m) => {
      if (live) formatter.current = m.createAsYouType(region);
    });
    return () => {
      live = false;
    };
  }, [region]);
  const onChange = (value: string) => {
    const state = formatter.current?.input(value);
    // Deleting a formatting character must still delete: keep raw text when the agent shortens it.
    setText(state && value.length >= text.length ? state.formatted : value);
    setE164(state?.e164);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    const started = await dialRequested({ number: e164 ?? text.trim() });
    if (started) setText('');
  };
  return (
    <form className="dialer" role="search" aria-label={t('dial.dialer')} onSubmit={(e) => void submit(e)}>
      <label htmlFor={inputId} className="sr-only">{t('dial.numberToDial')}</label>
      <input
        id={inputId}
        type="tel"
        inputMode="tel"
        autoComplete="off"
        placeholder={t('dial.numberToDial')}
        aria-describedby={hintId}
        maxLength={100}
        value={text}
        onChange={(e) => onChange(e.target.value)}
      />
      <button type="submit" className="button button--primary button--small" disabled={busy || !text.trim()}>{t('dial.dial')} <DialVia /></button>
      <span id={hintId} className="sr-only">{e164 ? t('dial.willDial', { number: e164 }) : ''}</span>
    </form>
  );
}
