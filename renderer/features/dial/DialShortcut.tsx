import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { matchesKeyPress, parseAccelerator } from '../../../shared/dial/accelerator';
import { Icon } from '../../components/Icon';
import { useBridge, useSettingsView, useUiActions } from '../../stores/stores-context';
import { useShortcutStatus } from './use-shortcut-status';

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** The text the agent highlighted in the page, including inside a text field (getSelection skips those). */
function selectedText(): string {
  const active = document.activeElement;
  if ((active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) && active.selectionStart !== null && active.selectionEnd !== null && active.selectionEnd > active.selectionStart) {
    return active.value.slice(active.selectionStart, active.selectionEnd);
  }
  return window.getSelection()?.toString() ?? '';
}

/**
 * The dial shortcut inside the page (web mode, and the desktop window when the system refused the global one):
 * the page's selection goes to the core's dial:text, which queues it for confirmation like a link. With nothing
 * selected, a paste field opens instead of reading the clipboard (a browser asks for that permission; a paste
 * with the keyboard never does). Also says when the global shortcut was refused, and why.
 */
export function DialShortcut() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const { pageChosen } = useUiActions();
  const [pasting, setPasting] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [noticeClosed, setNoticeClosed] = useState(false);
  const fieldId = useId();
  const field = useRef<HTMLInputElement>(null);
  // Asked again whenever the settings change (a new shortcut saved in Settings).
  const settings = useSettingsView();

  const status = useShortcutStatus(settings);

  const send = async (value: string): Promise<boolean> => {
    const r = await bridge.invoke('dial:text', { text: value });
    if (!r.ok) {
      setError(r.error.message);
      return false;
    }
    setError(null);
    pageChosen('calls'); // the pending dial (or the call) is on the Calls page
    return true;
  };

  const accelerator = status && (status.state === 'in-page' || status.state === 'registered' || status.state === 'refused') ? parseAccelerator(status.accelerator) : undefined;
  useEffect(() => {
    if (!accelerator?.ok) return undefined;
    const acc = accelerator.value;
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || !matchesKeyPress(acc, e, isMac())) return;
      e.preventDefault();
      const selected = selectedText();
      if (selected.trim() !== '') void send(selected);
      else {
        setError(null);
        setPasting(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
    // Re-bound only when the shortcut itself changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [accelerator?.ok ? accelerator.value.text : '']);

  useEffect(() => {
    if (pasting) field.current?.focus();
  }, [pasting]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await send(text)) {
      setText('');
      setPasting(false);
    }
  };

  const refused = status && (status.state === 'refused' || status.state === 'invalid') && !noticeClosed;
  return (
    <>
      {refused && (
        <div className="banner banner--warning" role="alert">
          <span className="banner__text">{t('dial.shortcutRefused', { message: status.message ?? status.accelerator })}</span>
          <button type="button" className="icon-button" aria-label={t('app.dismissNotice')} onClick={() => setNoticeClosed(true)}>
            <Icon name="close" />
          </button>
        </div>
      )}
      {pasting && (
        <form className="inline-form paste-dial" aria-label={t('dial.pasteTitle')} onSubmit={(e) => void submit(e)}>
          <div className="field">
            <label htmlFor={fieldId}>{t('dial.pasteLabel')}</label>
            <input ref={field} id={fieldId} type="text" autoComplete="off" maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setPasting(false)} />
          </div>
          <div className="actions">
            <button type="submit" className="button button--small button--primary">{t('dial.pasteSubmit')}</button>
            <button type="button" className="button button--small" onClick={() => setPasting(false)}>{t('dial.pasteCancel')}</button>
          </div>
        </form>
      )}
      {error && (pasting || status) && <p role="alert" className="hint hint--danger">{t('dial.shortcutFailed', { message: error })}</p>}
    </>
  );
}
