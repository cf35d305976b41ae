import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxEntryView } from '../../../shared/contract/writes';
import { Badge } from '../../components/Badge';
import { useOutbox, useOutboxActions } from '../../stores/stores-context';
import { CorrectEntry } from './CorrectEntry';

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
      {editing ? <CorrectEntry entry={entry} onDone={() => setEditing(false)} /> : (
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
