import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallerSelection, TicketListView, TicketSummary } from '../../../shared/contract/views';
import { Badge } from '../../components/Badge';
import { formatRelative, parseItopDate, priorityTone, statusTone } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { useTicketActions } from '../../stores/stores-context';
import { LogCallForm } from '../create/LogCallForm';

/** Beyond this a list folds: the agent needs the caller's latest tickets, not a wall of them. */
const FOLDED_ROWS = 5;
/** "updated 5 minutes ago" needs no finer clock than this. */
const RELATIVE_TIME_TICK_MS = 30_000;

/** The configured lists, each on its own: one failing or loading never hides the others. */
/** `callId`: the call these lists belong to; each ticket then offers "Log this call". */
export function TicketLists({ lists, selection, callId }: { lists: TicketListView[]; selection: CallerSelection; callId?: string }) {
  const { t } = useTranslation();
  const now = useNow(RELATIVE_TIME_TICK_MS);
  const shown = lists.filter((l) => l.state !== 'skipped');
  if (selection.kind === 'unknown' && shown.every((l) => l.tickets.length === 0 && l.state !== 'loading')) {
    return <p className="hint">{t('calls.listsCleared')}</p>;
  }
  return (
    <div className="lists">
      {shown.map((l) => (
        <TicketList key={l.id} list={l} now={now} callId={callId} />
      ))}
    </div>
  );
}

// Memoized with the store's structural sharing: a list that did not change is not rendered again.
const TicketList = memo(function TicketList({ list, now, callId }: { list: TicketListView; now: number; callId: string | undefined }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [expanded, setExpanded] = useState(false);
  const count = list.total ?? list.tickets.length;
  const rows = expanded ? list.tickets : list.tickets.slice(0, FOLDED_ROWS);
  return (
    <section className="list" aria-labelledby={headingId} aria-busy={list.state === 'loading'}>
      <h3 id={headingId} className="list__title">
        <span>{list.label}</span>
        {list.state === 'done' && <span className="count">{t('calls.count', { count })}</span>}
      </h3>
      {list.state === 'loading' && (
        <div className="skeleton" role="status">
          <span className="sr-only">{t('calls.listLoading')}</span>
        </div>
      )}
      {list.state === 'error' && (
        <p className="hint hint--danger" role="alert">
          {t('calls.listFailed', { message: list.error ?? '' })}
        </p>
      )}
      {list.state === 'done' && list.tickets.length === 0 && <p className="hint">{t('calls.listEmpty')}</p>}
      {list.tickets.length > 0 && (
        <ul className="tickets">
          {rows.map((ticket) => (
            <TicketRow key={`${ticket.class}:${ticket.id}`} ticket={ticket} now={now} callId={callId} />
          ))}
        </ul>
      )}
      {list.tickets.length > FOLDED_ROWS && (
        <button type="button" className="link-button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('calls.showLess') : t('calls.showAll', { count: list.tickets.length })}
        </button>
      )}
      {expanded && list.total !== undefined && list.total > list.tickets.length && (
        <p className="hint">{t('calls.more', { shown: list.tickets.length, total: list.total })}</p>
      )}
    </section>
  );
});

const TicketRow = memo(function TicketRow({ ticket, now, callId }: { ticket: TicketSummary; now: number; callId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const [logging, setLogging] = useState(false);
  const { opened } = useTicketActions();
  const changed = parseItopDate(ticket.lastUpdate ?? ticket.startDate);
  const priority = ticket.priority ? t(`priority.${ticket.priority}`, { defaultValue: ticket.priority }) : undefined;
  return (
    <li>
      <button
        type="button"
        className="ticket"
        aria-label={t('calls.openTicket', { ref: ticket.ref, title: ticket.title })}
        onClick={() => void opened({ class: ticket.class, id: ticket.id })}
      >
        <span className="ticket__top">
          <span className="ticket__ref">{ticket.ref}</span>
          <span className="ticket__title">{ticket.title}</span>
        </span>
        <span className="ticket__bottom">
          <Badge tone={statusTone(ticket.status)}>{ticket.fields['status_label'] ?? ticket.status}</Badge>
          {priority && <Badge tone={priorityTone(ticket.priority)}>{priority}</Badge>}
          {changed !== null && (
            <time className="ticket__when" dateTime={new Date(changed).toISOString()}>
              {t('calls.updated', { when: formatRelative(changed, now, i18n.language, t('time.justNow')) })}
            </time>
          )}
        </span>
      </button>
      {callId && !logging && (
        <button type="button" className="link-button ticket__log" aria-label={t('log.open', { ref: ticket.ref })} onClick={() => setLogging(true)}>
          {t('log.action')}
        </button>
      )}
      {callId && logging && <LogCallForm callId={callId} ticket={ticket} onDone={() => setLogging(false)} />}
    </li>
  );
});
