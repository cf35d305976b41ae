import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStatus, useCallsActions, useSimulation } from '../../stores/stores-context';
import { DemoCallers } from './DemoCallers';

/** For newcomers and demos: makes the core ring as if the PBX had sent the call. */
export function SimulateCall({ defaultNumber = '' }: { defaultNumber?: string }) {
  const { t } = useTranslation();
  const { simulateRequested } = useCallsActions();
  const simulation = useSimulation();
  const demoCallers = useAppStatus()?.demoCallers ?? [];
  const [number, setNumber] = useState(defaultNumber);
  const [name, setName] = useState('');
  const numberId = useId();
  const nameId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (number.trim()) void simulateRequested(number.trim(), name.trim() || undefined);
  };
  return (
    <form className="simulate" onSubmit={submit} aria-label={t('calls.simulate')}>
      <p className="hint">{t('calls.simulateHint')}</p>
      <DemoCallers callers={demoCallers} busy={simulation.state === 'sending'} onRing={(n) => void simulateRequested(n)} />
      <div className="field">
        <label htmlFor={numberId}>{t('calls.simulateNumber')}</label>
        <input id={numberId} type="tel" inputMode="tel" autoComplete="off" value={number} onChange={(e) => setNumber(e.target.value)} required maxLength={100} />
      </div>
      <div className="field">
        <label htmlFor={nameId}>{t('calls.simulateName')}</label>
        <input id={nameId} type="text" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
      </div>
      <button type="submit" className="button button--primary" disabled={simulation.state === 'sending'}>
        {t('calls.simulateSubmit')}
      </button>
      {simulation.state === 'error' && (
        <p className="hint hint--danger" role="alert">
          {simulation.error}
        </p>
      )}
    </form>
  );
}
