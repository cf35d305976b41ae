import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxEntryView } from '../../../shared/contract/writes';
import { Badge } from '../../components/Badge';
import { useOutbox, useOutboxActions } from '../../stores/stores-context';

const TONE = { pending: 'info', sending: 'info', done: 'success', failed: 'danger', discarded: 'neutral' } as const;

/** Every write not yet confirmed by iTop, or refused by it: nothing is dropped without the agent's say. */
export function OutboxPanel() {
  const { t } = useTranslation();
  const { status, error } = useOutbox();
  const { retryRequested } = useOutboxActions();
  const open = (status?.entries ?? []).filter((e) => e.state !== 'done' && e.state !== 'discarded');
  return (
    <section className="outbox" aria-label={t('outbox.title')} role="region">
      <header className="outbox__head">
        <h2 className="section-title">{t('outbox.title')}</h2>
        <button type="button" className="button button--small" disabled={open.length === 0} onClick={() => void retryRequested()}>
          {t('outbox.retryAll')}
        </button>
      </header>
      {status?.lastError && <p className="hint hint--warning">{t('outbox.lastError', { message: status.lastError })}</p>}
      {error && <p role="alert" className="hint hint--danger">{error}</p>}
      {open.length === 0 ? <p className="hint">{t('outbox.empty')}</p> : (
        <ul className="outbox__list">
          {open.map((e) => <OutboxRow key={e.id} entry={e} />)}
        </ul>
      )}
    </section>
  );
}

function OutboxRow({ entry }: { entry: OutboxEntryView }) {
  const { t } = useTranslation();
  const { retryRequested, discardRequested } = useOutboxActions();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="outbox__entry" aria-label={entry.label}>
      <p className="outbox__line">
        <strong>{entry.label}</strong> <Badge tone={TONE[entry.state]}>{t(`outbox.state.${entry.state}`)}</Badge>
        <span className="hint">{t('outbox.attempts', { count: entry.attempts })}</span>
      </p>
      {entry.lastError && <p className="hint hint--danger">{entry.lastError}</p>}
      {entry.issues?.map((i) => <p key={i.attribute} className="hint hint--danger">{t('create.issue', { label: i.label, reason: i.reason })}</p>)}
      {editing ? <EditEntry entry={entry} onDone={() => setEditing(false)} /> : (
        <div className="actions">
          <button type="button" className="button button--small" onClick={() => void retryRequested(entry.id)}>{t('outbox.retry')}</button>
          {entry.state === 'failed' && <button type="button" className="button button--small" onClick={() => setEditing(true)}>{t('outbox.edit')}</button>}
          {confirming ? (
            <span role="group" aria-label={t('outbox.confirmDiscard')} className="confirm">
              <span>{t('outbox.confirmDiscard')}</span>
              <button type="button" className="button button--small button--danger" onClick={() => void discardRequested(entry.id)}>{t('outbox.discardYes')}</button>
              <button type="button" className="button button--small" onClick={() => setConfirming(false)}>{t('outbox.discardNo')}</button>
            </span>
          ) : (
            <button type="button" className="button button--small" onClick={() => setConfirming(true)}>{t('outbox.discard')}</button>
          )}
        </div>
      )}
    </li>
  );
}

/** Edit-and-retry for a refused entry: the fields as they will be sent, the ones iTop named first. */
function EditEntry({ entry, onDone }: { entry: OutboxEntryView; onDone: () => void }) {
  const { t } = useTranslation();
  const { editRequested } = useOutboxActions();
  const named = (entry.issues ?? []).map((i) => i.attribute);
  const editable = Object.entries(entry.fields).filter(([, v]) => typeof v === 'string' || typeof v === 'number');
  const attributes = [...new Set([...named, ...editable.map(([k]) => k)])].filter((a) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(a));
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(attributes.map((a) => [a, String(entry.fields[a] ?? '')])));
  const base = useId();
  const save = async () => {
    const fields = Object.fromEntries(attributes.map((a) => [a, typeof entry.fields[a] === 'number' && /^\d+$/.test(values[a] ?? '') ? Number(values[a]) : (values[a] ?? '')]));
    if (await editRequested(entry.id, fields)) onDone();
  };
  return (
    <form className="inline-form" aria-label={t('outbox.editTitle', { label: entry.label })} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      {attributes.map((a) => (
        <div className="field" key={a}>
          <label htmlFor={`${base}-${a}`}>{t(`create.field.${a}`, { defaultValue: a })}</label>
          <input id={`${base}-${a}`} type="text" value={values[a] ?? ''} aria-invalid={named.includes(a) || undefined} onChange={(e) => setValues({ ...values, [a]: e.target.value })} />
        </div>
      ))}
      <div className="actions">
        <button type="submit" className="button button--primary button--small">{t('outbox.saveRetry')}</button>
        <button type="button" className="button button--small" onClick={onDone}>{t('log.cancel')}</button>
      </div>
    </form>
  );
}
