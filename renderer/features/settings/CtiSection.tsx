import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../shared/contract/settings';
import { Icon } from '../../components/Icon';
import { Field } from './Field';

/** What a PBX admin needs: the port, the bridge token and the ready-to-paste 3CX contact URL. */
export function CtiSection({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="settings-cti">
      <h2 id="settings-cti" className="card__title">{t('settings.cti')}</h2>
      <div className="grid-2">
        <Field label={t('settings.ctiPort')} value={String(view.cti.port)} readOnly />
        <CopyField label={t('settings.ctiToken')} value={view.cti.token} />
      </div>
      <CopyField label={t('settings.threeCx')} value={view.cti.threeCxUrl} hint={t('settings.threeCxHint')} />
    </section>
  );
}

function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(value).then(() => setCopied(true), () => setCopied(false));
  };
  return (
    <div className="copy-field">
      <Field label={label} value={value} readOnly spellCheck={false} onFocus={(e) => e.target.select()} hint={hint} />
      <button type="button" className="button button--small" onClick={copy} aria-label={`${t('settings.copy')}: ${label}`}>
        <Icon name="copy" /> {copied ? t('settings.copied') : t('settings.copy')}
      </button>
    </div>
  );
}
