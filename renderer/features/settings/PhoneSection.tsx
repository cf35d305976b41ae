import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../shared/contract/settings';
import { useSettingsActions, useSettingsRequests } from '../../stores/stores-context';
import { Field } from './Field';

/** How numbers are read: home region for national numbers, PBX outside-line prefix, internal extensions. */
export function PhoneSection({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const { saveRequested } = useSettingsActions();
  const { save } = useSettingsRequests();
  const [phone, setPhone] = useState(view.phone);
  const onSave = (e: FormEvent) => {
    e.preventDefault();
    void saveRequested({ phone: { ...phone, defaultRegion: phone.defaultRegion.toUpperCase() } });
  };
  return (
    <form className="card" onSubmit={onSave} aria-labelledby="settings-phone">
      <h2 id="settings-phone" className="card__title">{t('settings.phone')}</h2>
      <div className="grid-2">
        <Field label={t('settings.region')} value={phone.defaultRegion} maxLength={2} pattern="[A-Za-z]{2}" onChange={(e) => setPhone({ ...phone, defaultRegion: e.target.value })} />
        <Field label={t('settings.prefix')} value={phone.outsideLinePrefix} maxLength={5} pattern="[0-9*#]*" inputMode="tel" onChange={(e) => setPhone({ ...phone, outsideLinePrefix: e.target.value })} />
      </div>
      <Field label={t('settings.extensions')} value={phone.extensionPattern} spellCheck={false} onChange={(e) => setPhone({ ...phone, extensionPattern: e.target.value })} />
      <Field label={t('settings.suffix')} type="number" min={5} max={12} value={phone.suffixDigits} onChange={(e) => setPhone({ ...phone, suffixDigits: Number(e.target.value) })} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={save.state === 'busy'}>
          {t('settings.save')}
        </button>
      </div>
    </form>
  );
}
