import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../shared/contract/settings';
import { parseAccelerator } from '../../../shared/dial/accelerator';
import { useSettingsActions } from '../../stores/stores-context';
import { Field, Outcome } from './Field';
import { useShortcutStatus } from '../dial/use-shortcut-status';

/**
 * dial.shortcut and dial.shortcutDialsAtOnce. The text is checked here as the core checks it, and the core's
 * status says whether the system gave the app the shortcut (desktop) or it works inside the page (web mode).
 */
export function DialShortcutSection({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const { saveRequested } = useSettingsActions();
  const [accelerator, setAccelerator] = useState(view.dialShortcut.accelerator);
  const status = useShortcutStatus(view);
  const parsed = accelerator.trim() === '' ? undefined : parseAccelerator(accelerator);
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (parsed && !parsed.ok) return;
    void saveRequested({ dialShortcut: { accelerator: parsed?.ok ? parsed.value.text : '' } });
  };
  return (
    <section className="card" aria-labelledby="settings-dial-shortcut">
      <h2 id="settings-dial-shortcut" className="card__title">{t('settings.dialShortcut')}</h2>
      <form onSubmit={save}>
        <Field
          label={t('settings.dialShortcutKeys')}
          value={accelerator}
          spellCheck={false}
          autoComplete="off"
          maxLength={60}
          onChange={(e) => setAccelerator(e.target.value)}
          aria-invalid={parsed && !parsed.ok ? true : undefined}
          hint={parsed && !parsed.ok ? parsed.error.message : t('settings.dialShortcutHint')}
        />
        <label className="choice">
          <input type="checkbox" checked={view.dialShortcut.dialsAtOnce} onChange={(e) => void saveRequested({ dialShortcut: { dialsAtOnce: e.target.checked } })} />
          {t('settings.dialShortcutAtOnce')}
        </label>
        <div className="actions">
          <button type="submit" className="button button--small" disabled={parsed !== undefined && !parsed.ok}>{t('settings.save')}</button>
        </div>
      </form>
      {status && <Outcome tone={status.state === 'refused' || status.state === 'invalid' ? 'error' : 'ok'}>{status.message ?? t(`settings.dialShortcutState.${status.state}`, { keys: status.accelerator })}</Outcome>}
    </section>
  );
}
