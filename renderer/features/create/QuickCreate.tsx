import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateOutcome, TicketPrefill } from '../../../shared/contract/writes';
import { Icon } from '../../components/Icon';
import { ItopLink } from '../../components/ItopLink';
import { useBridge, useTicketActions } from '../../stores/stores-context';
import { formFields, formRows, type FormRow } from './create-form-model';

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; prefill: TicketPrefill; rows: FormRow[] };

/**
 * The in-app quick-create form for one class: the typed fields, then the presets the core resolved for this
 * call (visible and editable). Creates through the outbox and says plainly what happened.
 */
export function QuickCreate({ callId, cls, label, onClose }: { callId: string; cls: string; label: string; onClose: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const { opened } = useTicketActions();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<CreateOutcome | { state: 'error'; message: string } | null>(null);
  const titleId = useId();
  const idBase = useId();

  useEffect(() => {
    let live = true;
    void bridge.invoke('ticket:prefill', { callId, class: cls }).then((r) => {
      if (!live) return;
      setLoad(r.ok ? { state: 'ready', prefill: r.value, rows: formRows(r.value) } : { state: 'error', message: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [bridge, callId, cls]);

  const setRow = (attribute: string, value: string) =>
    setLoad((l) => (l.state === 'ready' ? { ...l, rows: l.rows.map((r) => (r.attribute === attribute ? { ...r, value } : r)) } : l));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (load.state !== 'ready' || sending) return;
    setSending(true);
    const r = await bridge.invoke('ticket:create', { callId, class: cls, fields: formFields(load.rows) });
    setSending(false);
    setOutcome(r.ok ? r.value : { state: 'error', message: r.error.message });
    if (r.ok && r.value.state === 'created' && cls !== 'Person') void opened({ class: r.value.class, id: r.value.id });
  };

  const issues = outcome?.state === 'refused' ? outcome.issues : [];
  return (
    <form className="quick-create" aria-labelledby={titleId} onSubmit={(e) => void submit(e)}>
      <header className="quick-create__head">
        <h3 id={titleId} className="section-title">{label}</h3>
        <button type="button" className="icon-button" aria-label={t('create.close', { label })} onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      {load.state === 'loading' && <p role="status" className="shimmer">{t('create.loading')}</p>}
      {load.state === 'error' && <p role="alert" className="hint hint--danger">{t('create.prefillFailed', { message: load.message })}</p>}
      {load.state === 'ready' && (
        <>
          {load.prefill.problems.map((p) => (
            <p key={p.attribute} className="hint hint--warning">{t('create.presetProblem', { field: p.attribute, message: p.message })}</p>
          ))}
          {load.rows.map((row) => {
            const id = `${idBase}-${row.attribute}`;
            const issue = issues.find((i) => i.attribute === row.attribute);
            const multiline = row.attribute === 'description' || row.kind === 'log';
            const props = {
              id,
              value: row.value,
              'aria-invalid': issue ? true : undefined,
              'aria-describedby': issue ? `${id}-issue` : undefined,
              onChange: (ev: { target: { value: string } }) => setRow(row.attribute, ev.target.value),
            };
            return (
              <div className="field" key={row.attribute}>
                <label htmlFor={id}>
                  {t(`create.field.${row.attribute}`, { defaultValue: row.attribute })}
                  {row.source && <span className="field__source" title={row.source}> · {t('create.preset')}</span>}
                </label>
                {multiline ? <textarea rows={row.kind === 'log' ? 2 : 3} maxLength={100_000} {...props} /> : <input type="text" autoComplete="off" maxLength={100_000} {...props} />}
                {issue && <p id={`${id}-issue`} className="hint hint--danger">{issue.reason}</p>}
              </div>
            );
          })}
          <Outcome outcome={outcome} />
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={sending}>
              {sending ? t('create.sending') : t('create.submit')}
            </button>
            <ItopLink href={load.prefill.itopUrl} className="button">
              <Icon name="external" /> {t('create.openInItop')}
            </ItopLink>
          </div>
        </>
      )}
    </form>
  );
}

function Outcome({ outcome }: { outcome: CreateOutcome | { state: 'error'; message: string } | null }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  if (outcome.state === 'created') return <p role="status" className="hint hint--success">{t('create.created', { ref: outcome.ref })}</p>;
  if (outcome.state === 'queued') return <p role="status" className="hint hint--warning">{t('create.queued', { message: outcome.message })}</p>;
  if (outcome.state === 'refused') {
    return (
      <div role="alert" className="hint hint--danger">
        <p>{t('create.refused')}</p>
        <ul>
          {outcome.issues.map((i) => (
            <li key={i.attribute}>{t('create.issue', { label: i.label, reason: i.reason })}</li>
          ))}
          {outcome.issues.length === 0 && <li>{outcome.message}</li>}
        </ul>
      </div>
    );
  }
  return <p role="alert" className="hint hint--danger">{outcome.message}</p>;
}
