import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../shared/contract/tickets';
import { Badge } from '../../components/Badge';
import { Icon } from '../../components/Icon';
import { ItopLink } from '../../components/ItopLink';
import { htmlToText } from '../../lib/html-text';
import { useNow } from '../../lib/use-now';
import { formatRelative, parseItopDate, priorityTone, statusTone } from '../../lib/format';
import { useTicket, useTicketActions } from '../../stores/stores-context';
import { CallActions } from '../dial/CallActions';
import { useTicketCallActions } from '../dial/use-call-actions';

/** Latest entries first; an agent on the phone needs the last exchange, not the history. */
const LOG_ENTRIES_SHOWN = 3;

/** The ticket the agent opened from a list, as a modal dialog (Escape closes, focus stays inside). */
export function TicketDialog() {
  const { t } = useTranslation();
  const { ref, state, detail, error } = useTicket();
  const { closed } = useTicketActions();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (ref && !d.open) d.showModal();
    if (!ref && d.open) d.close();
  }, [ref]);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId} onClose={closed}>
      <header className="dialog__head">
        <h2 id={titleId} className="dialog__title">
          {detail ? `${detail.ref} · ${detail.title}` : t('ticket.dialog', { ref: ref ? `#${ref.id}` : '' })}
        </h2>
        <button type="button" className="icon-button" aria-label={t('app.close')} onClick={closed}>
          <Icon name="close" />
        </button>
      </header>
      {state === 'loading' && <p role="status" className="shimmer">{t('ticket.loading')}</p>}
      {state === 'error' && (
        <p role="alert" className="hint hint--danger">
          {t('ticket.failed', { message: error ?? '' })}
        </p>
      )}
      {detail && <TicketBody detail={detail} />}
    </dialog>
  );
}

function TicketBody({ detail }: { detail: TicketDetail }) {
  const { t, i18n } = useTranslation();
  const now = useNow(60_000);
  const when = (v?: string) => {
    const at = parseItopDate(v);
    return at === null ? v : `${formatRelative(at, now, i18n.language, t('time.justNow'))} (${v})`;
  };
  const rows: [string, string | undefined][] = [
    [t('ticket.caller'), detail.caller],
    [t('ticket.organization'), detail.organization],
    [t('ticket.agent'), detail.agent],
    [t('ticket.team'), detail.team],
    [t('ticket.start'), when(detail.startDate)],
    [t('ticket.updated'), when(detail.lastUpdate)],
  ];
  const log = [...detail.publicLog].slice(0, LOG_ENTRIES_SHOWN);
  const ref = { class: detail.class, id: detail.id };
  const dial = useTicketCallActions(ref);
  return (
    <div className="dialog__body">
      {dial?.callee && <CallActions actions={dial.actions} who={dial.callee.name} ticket={ref} personId={dial.callee.personId} />}
      <p className="ticket-badges">
        <Badge tone={statusTone(detail.status)}>{detail.status}</Badge>
        {detail.priority && <Badge tone={priorityTone(detail.priority)}>{t(`priority.${detail.priority}`, { defaultValue: detail.priority })}</Badge>}
      </p>
      <dl className="facts">
        {rows
          .filter((r): r is [string, string] => Boolean(r[1]))
          .map(([label, value]) => (
            <div className="facts__row" key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <h3 className="section-title">{t('ticket.description')}</h3>
      <p className="prose">{htmlToText(detail.description) || t('ticket.noDescription')}</p>
      <h3 className="section-title">{t('ticket.log')}</h3>
      {log.length === 0 ? (
        <p className="hint">{t('ticket.noLog')}</p>
      ) : (
        <ol className="log">
          {log.map((e, i) => (
            <li key={i} className="log__entry">
              <p className="log__meta">
                <strong>{e.author}</strong> · {e.date}
              </p>
              <p className="prose">{htmlToText(e.message)}</p>
            </li>
          ))}
        </ol>
      )}
      <div className="actions">
        <ItopLink href={detail.links.view} className="button button--primary">
          <Icon name="external" /> {t('ticket.openView')}
        </ItopLink>
        <ItopLink href={detail.links.edit} className="button">
          {t('ticket.openEdit')}
        </ItopLink>
      </div>
    </div>
  );
}
