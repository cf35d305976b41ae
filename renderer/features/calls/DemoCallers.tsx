import { useTranslation } from 'react-i18next';
import type { DemoCaller } from '../../../shared/contract/views';

/**
 * Demo mode: one button per case of the demo data (known caller, several matches, switchboard, unknown,
 * withheld), numbers chosen by the core from the simulator's data, so a newcomer needs no number to try.
 */
export function DemoCallers({ callers, busy, onRing }: { callers: readonly DemoCaller[]; busy: boolean; onRing: (number: string) => void }) {
  const { t } = useTranslation();
  if (callers.length === 0) return null;
  return (
    <div className="demo-callers">
      <p className="hint" id="demo-callers-title">{t('calls.demoCallers')}</p>
      <ul className="chips" aria-labelledby="demo-callers-title">
        {callers.map((c) => (
          <li key={c.kind}>
            <button type="button" className="button button--small" disabled={busy} onClick={() => onRing(c.number)}>
              {t(`calls.demoCaller.${c.kind}`, { name: c.name ?? '', count: c.count ?? 0 })}
              {c.kind !== 'withheld' && <span className="call-action__via"> {c.number}</span>}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
