import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../shared/contract/settings';
import { useSettingsActions, useSettingsRequests } from '../../stores/stores-context';
import { Outcome } from './Field';

type Format = 'php' | 'xml' | 'json';
type Issue = SettingsView['issues'][number];

const guessFormat = (name: string, text: string): Format =>
  name.endsWith('.xml') || text.trimStart().startsWith('<?xml') || text.trimStart().startsWith('<itop_design') ? 'xml' : name.endsWith('.json') || text.trimStart().startsWith('{') ? 'json' : 'php';

/** Import the telephony extension's own configuration (PHP/XML), see every problem, then apply it. */
export function TelephonySection({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const { importRequested, saveRequested } = useSettingsActions();
  const requests = useSettingsRequests();
  const [text, setText] = useState('');
  const [format, setFormat] = useState<Format>('php');
  const textId = useId();
  const formatId = useId();
  const fileId = useId();
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const content = await file.text();
    setText(content);
    setFormat(guessFormat(file.name, content));
  };
  const result = requests.import.state === 'done' ? requests.import.value : null;
  const blocking = result?.issues.some((i) => i.severity === 'error') ?? true;
  return (
    <section className="card" aria-labelledby="settings-telephony">
      <h2 id="settings-telephony" className="card__title">{t('settings.telephony')}</h2>
      <p className="hint">{t('settings.telephonyHint')}</p>
      {view.issues.length > 0 && <IssueList issues={view.issues} />}
      <div className="grid-2">
        <div className="field">
          <label htmlFor={formatId}>{t('settings.format')}</label>
          <select id={formatId} value={format} onChange={(e) => setFormat(e.target.value as Format)}>
            <option value="php">PHP</option>
            <option value="xml">XML</option>
            <option value="json">JSON</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={fileId}>{t('settings.file')}</label>
          <input id={fileId} type="file" accept=".php,.xml,.json,.txt" onChange={(e) => void onFile(e)} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={textId}>{t('settings.configText')}</label>
        <textarea id={textId} rows={6} spellCheck={false} value={text} maxLength={500_000} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="actions">
        <button type="button" className="button" disabled={!text.trim() || requests.import.state === 'busy'} onClick={() => void importRequested(text, format)}>
          {t('settings.validate')}
        </button>
        <button type="button" className="button button--primary" disabled={blocking} onClick={() => void saveRequested({ telephony: result?.telephony })}>
          {t('settings.apply')}
        </button>
      </div>
      {requests.import.state === 'error' && <Outcome tone="error">{requests.import.message}</Outcome>}
      {result && (result.issues.length === 0 ? <Outcome tone="ok">{t('settings.noIssues')}</Outcome> : <IssueList issues={result.issues} />)}
    </section>
  );
}

function IssueList({ issues }: { issues: Issue[] }) {
  const { t } = useTranslation();
  return (
    <div role="alert">
      <p className="issues__title">{t('settings.issues')}</p>
      <ul className="issues">
        {issues.map((i, n) => (
          <li key={n} className={`issue issue--${i.severity}`}>
            <span className="issue__severity">{t(i.severity === 'error' ? 'settings.error' : 'settings.warning')}</span>
            <code className="issue__path">{i.path}</code> {i.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
