import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../../shared/contract/views';
import { useBridge } from '../../stores/stores-context';

type AlsoLog = 'none' | 'public_log' | 'private_log';

/**
 * "Log this call" on a listed ticket: a wrap-up note, written as a PhoneCall (or a private-log entry on an iTop
 * without the class) through the outbox; optionally the note also goes to the ticket's public or private log.
 */
export function LogCallForm({ callId, ticket, onDone }: { callId: string; ticket: TicketSummary; onDone: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [note, setNote] = useState('');
  const [alsoLog, setAlsoLog] = useState<AlsoLog | ''>('');
  const [state, setState] = useState<{ kind: 'idle' | 'sending' } | { kind: 'done'; journal: string } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const noteId = useId();
  const alsoId = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState({ kind: 'sending' });
    const r = await bridge.invoke('call:log', { callId, ticket: { class: ticket.class, id: ticket.id }, note, ...(alsoLog ? { alsoLog } : {}) });
    setState(r.ok ? { kind: 'done', journal: r.value.journal } : { kind: 'error', message: r.error.message });
  };
  if (state.kind === 'done') {
    return (
      <div className="inline-form" role="status">
        <p className="hint hint--success">{t(state.journal === 'phonecall' ? 'log.doneCall' : 'log.donePrivate', { ref: ticket.ref })}</p>
        <button type="button" className="link-button" onClick={onDone}>{t('app.close')}</button>
      </div>
    );
  }
  return (
    <form className="inline-form" aria-label={t('log.form', { ref: ticket.ref })} onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor={noteId}>{t('log.note')}</label>
        <textarea id={noteId} rows={3} maxLength={20_000} value={note} autoFocus onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={alsoId}>{t('log.alsoLog')}</label>
        <select id={alsoId} value={alsoLog} onChange={(e) => setAlsoLog(e.target.value as AlsoLog | '')}>
          <option value="">{t('log.asConfigured')}</option>
          <option value="none">{t('log.none')}</option>
          <option value="public_log">{t('log.public')}</option>
          <option value="private_log">{t('log.private')}</option>
        </select>
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary button--small" disabled={state.kind === 'sending'}>{t('log.submit')}</button>
        <button type="button" className="button button--small" onClick={onDone}>{t('log.cancel')}</button>
      </div>
      {state.kind === 'error' && <p role="alert" className="hint hint--danger">{state.message}</p>}
    </form>
  );
}
