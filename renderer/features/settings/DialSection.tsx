import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsPatch, SettingsView } from '../../../shared/contract/settings';
import { useSettingsActions } from '../../stores/stores-context';

type DialView = NonNullable<SettingsView['dial']>;
const METHODS: DialView['method'][] = ['auto', 'bridge', 'url', 'os'];
const FORMATS: DialView['format'][] = ['e164', 'national', 'international-idd', 'outside-line'];
const SCHEMES: DialView['osScheme'][] = ['tel', 'callto', 'sip'];

/** Click-to-call options: saved in the core's settings and used from the next dial on. */
export function DialSection({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const { saveRequested } = useSettingsActions();
  const ids = { method: useId(), format: useId(), scheme: useId() };
  if (!view.dial) return null;
  const save = (dial: NonNullable<SettingsPatch['dial']>) => void saveRequested({ dial });
  return (
    <section className="card" aria-labelledby="settings-dial">
      <h2 id="settings-dial" className="card__title">{t('settings.dial')}</h2>
      <div className="grid-2">
        <div className="field">
          <label htmlFor={ids.method}>{t('settings.dialMethod')}</label>
          <select id={ids.method} value={view.dial.method} onChange={(e) => save({ method: e.target.value as DialView['method'] })}>
            {METHODS.map((m) => <option key={m} value={m}>{t(`settings.dialMethods.${m}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.format}>{t('settings.dialFormat')}</label>
          <select id={ids.format} value={view.dial.format} onChange={(e) => save({ format: e.target.value as DialView['format'] })}>
            {FORMATS.map((f) => <option key={f} value={f}>{f}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.scheme}>{t('settings.dialScheme')}</label>
          <select id={ids.scheme} value={view.dial.osScheme} onChange={(e) => save({ osScheme: e.target.value as DialView['osScheme'] })}>
            {SCHEMES.map((s) => <option key={s} value={s}>{`${s}:`}</option>)}
          </select>
        </div>
      </div>
    </section>
  );
}
