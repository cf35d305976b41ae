import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingDialView } from '../../../shared/contract/dial';
import type { TicketRef } from '../../../shared/contract/tickets';
import type { TicketSummary } from '../../../shared/contract/views';
import { Icon } from '../../components/Icon';
import { useCalls, useDial, useDialActions } from '../../stores/stores-context';
import { PendingCallee } from './PendingCallee';
import { PendingCreate } from './PendingCreate';
import { useTicketCallActions } from './use-call-actions';

/**
 * Dial links from outside the app (iTop's pages, the OS) wait here: nothing is dialed before the agent
 * confirms. Without a usable ticket, the agent picks one of the callee's open tickets or calls without one.
 */
export function PendingDials() {
  const { t } = useTranslation();
  const { pending, error } = useDial();
  const { errorDismissed } = useDialActions();
  return (
    <>
      {error && (
        <div className="banner banner--danger" role="alert">
          <span className="banner__text">{t('dial.error', { message: error })}</span>
          <button type="button" className="icon-button" aria-label={t('app.dismissNotice')} onClick={errorDismissed}>
            <Icon name="close" />
          </button>
        </div>
      )}
      {pending.map((p) => (
        <PendingDial key={p.pendingId} dial={p} />
      ))}
    </>
  );
}

/**
 * The tickets offered: the callee's open tickets (the core looked up the number as for an inbound call), then
 * tickets already on screen for the same number (the inbound call being called back), without duplicates.
 */
function useOfferedTickets(dial: PendingDialView): TicketSummary[] {
  const calls = useCalls();
  const seen = new Map<string, TicketSummary>();
  for (const l of dial.callee?.lists ?? []) for (const tk of l.tickets) seen.set(`${tk.class}:${tk.id}`, tk);
  if (dial.e164) for (const c of calls) if (c.number.e164 === dial.e164) for (const l of c.lists) for (const tk of l.tickets) seen.set(`${tk.class}:${tk.id}`, tk);
  return [...seen.values()];
}

const personOf = (personId: string | undefined) => (personId ? { personId } : {});

function PendingDial({ dial }: { dial: PendingDialView }) {
  const { t } = useTranslation();
  const { confirmed, rejected } = useDialActions();
  const { busy } = useDial();
  const tickets = useOfferedTickets(dial);
  // The link names no person: when its ticket's caller owns the number, the call is logged with them;
  // otherwise the core names the callee the agent chose (or the only confirmed match).
  const linkTicket = useTicketCallActions(dial.ticket ? { class: dial.ticket.class, id: dial.ticket.id } : null);
  const callee = linkTicket?.callee && linkTicket.actions.some((a) => a.e164 !== undefined && a.e164 === dial.e164) ? linkTicket.callee : undefined;
  const [choice, setChoice] = useState<string>(dial.ticket ? 'link' : '');
  const [typedId, setTypedId] = useState('');
  // A ticket the agent just created for this dial becomes its ticket: the call goes on it, not on an earlier pick.
  // (State adjusted while rendering, as React recommends for state that follows a prop.)
  const ticketKey = dial.ticket ? `${dial.ticket.class}:${dial.ticket.id}` : '';
  const [seenTicket, setSeenTicket] = useState(ticketKey);
  if (seenTicket !== ticketKey) {
    setSeenTicket(ticketKey);
    if (ticketKey) setChoice('link');
  }
  const titleId = useId();
  const chosen = (): TicketRef | null | undefined => {
    if (choice === 'link') return undefined;
    if (choice === 'none') return null;
    if (choice === 'typed') return /^\d{1,12}$/.test(typedId.trim()) ? { class: 'UserRequest', id: typedId.trim() } : undefined;
    const [cls, id] = choice.split(':');
    return cls && id ? { class: cls, id } : undefined;
  };
  const ready = !dial.problem && (dial.needsTicket ? choice !== '' && choice !== 'link' && chosen() !== undefined : true);
  const name = `pending-${dial.pendingId}`;
  return (
    <section className="pending" aria-labelledby={titleId} role="region">
      <h2 id={titleId} className="pending__title">
        <Icon name="phoneOut" /> {t('dial.pendingTitle', { number: dial.display })}
      </h2>
      <p className="hint">{t(dial.via === 'shortcut' ? 'dial.pendingHintShortcut' : 'dial.pendingHint')}</p>
      {dial.problem && <p role="alert" className="hint hint--danger">{dial.problem}</p>}
      {dial.ticket && <p>{t('dial.onTicket', { ref: dial.ticket.ref ?? `#${dial.ticket.id}` })}</p>}
      {!dial.ticket && dial.ticketHint && dial.ticketStatus === 'resolving' && <p>{t('dial.onTicket', { ref: dial.ticketHint })}</p>}
      {!dial.ticket && dial.ticketHint && dial.ticketStatus === 'unreachable' && <p role="status" className="hint">{t('dial.ticketUnreachable', { hint: dial.ticketHint })}</p>}
      {callee ? <p>{t('dial.callee', { name: callee.name })}</p> : <PendingCallee dial={dial} />}
      {dial.needsTicket && !dial.problem && (
        <fieldset className="chooser">
          <legend>{dial.ticketHint ? t('dial.ticketUnknown', { hint: dial.ticketHint }) : t('dial.chooseTicket')}</legend>
          {tickets.map((tk) => (
            <label key={`${tk.class}:${tk.id}`} className="choice">
              <input type="radio" name={name} value={`${tk.class}:${tk.id}`} checked={choice === `${tk.class}:${tk.id}`} onChange={(e) => setChoice(e.target.value)} />
              {tk.ref} · {tk.title}
            </label>
          ))}
          <label className="choice">
            <input type="radio" name={name} value="typed" checked={choice === 'typed'} onChange={() => setChoice('typed')} />
            {t('dial.typedTicket')}
            <input type="text" inputMode="numeric" className="choice__input" aria-label={t('dial.typedTicketId')} value={typedId} onFocus={() => setChoice('typed')} onChange={(e) => setTypedId(e.target.value)} />
          </label>
          <label className="choice">
            <input type="radio" name={name} value="none" checked={choice === 'none'} onChange={() => setChoice('none')} />
            {t('dial.noTicket')}
          </label>
        </fieldset>
      )}
      {dial.needsTicket && !dial.problem && <PendingCreate dial={dial} />}
      <div className="actions">
        <button type="button" className="button button--primary" disabled={!ready || busy} onClick={() => void confirmed({ pendingId: dial.pendingId, ...(chosen() !== undefined ? { ticket: chosen() } : {}), ...personOf(callee && choice === 'link' ? callee.personId : undefined) })}>
          {t('dial.confirm', { number: dial.display })}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void rejected(dial.pendingId)}>
          {t('dial.reject')}
        </button>
      </div>
    </section>
  );
}
