import { useTranslation } from 'react-i18next';
import { SWITCHBOARD_THRESHOLD, isDefaultCandidate, type CallView } from '../../../shared/contract/views';
import { Badge } from '../../components/Badge';
import { Icon } from '../../components/Icon';
import { useLanguageFromSettings } from '../../i18n/use-language-from-settings';
import { useBridge, useCall } from '../../stores/stores-context';
import { STATE_TONE } from '../calls/CallCard';
import { callerHint, unconfirmedHint } from '../calls/caller-hint';
import { ConfidenceBadge } from '../calls/CallerDetails';
import { formatCount } from '../../lib/format';

/**
 * The ring pop-up window: who calls and how many open tickets, at a glance, shown without taking the focus.
 * "Show" brings the main window to this call; the full panel (chooser, lists, creation) lives there.
 */
export function RingPopup({ callId }: { callId: string }) {
  const { t } = useTranslation();
  useLanguageFromSettings();
  const bridge = useBridge();
  const call = useCall(callId);
  const close = () => window.close();
  if (!call) {
    return (
      <main className="popup popup--gone">
        <p className="hint">{t('popup.gone')}</p>
        <button type="button" className="button button--small" onClick={close}>{t('app.close')}</button>
      </main>
    );
  }
  const numberText = call.number.kind === 'withheld' ? t('calls.withheld') : call.number.display;
  return (
    <main className={`popup popup--${call.state}`} aria-label={t('popup.title', { number: numberText })}>
      <header className="popup__head">
        <span className={`call__icon call__icon--${call.state}`} aria-hidden="true">
          <Icon name={call.direction === 'inbound' ? 'phoneIn' : 'phoneOut'} size={18} />
        </span>
        <div className="popup__title">
          <h1 className="popup__number">{numberText}</h1>
          <Badge tone={STATE_TONE[call.state]}>{t(`calls.state.${call.state}`)}</Badge>
        </div>
        <button type="button" className="icon-button" aria-label={t('popup.close')} onClick={close}>
          <Icon name="close" />
        </button>
      </header>
      <PopupCaller call={call} />
      <PopupTickets call={call} />
      <div className="actions">
        <button type="button" className="button button--primary button--small" onClick={() => void bridge.invoke('call:show', { callId })}>
          {t('popup.show')}
        </button>
      </div>
    </main>
  );
}

function PopupCaller({ call }: { call: CallView }) {
  const { t, i18n } = useTranslation();
  const { callers, selection, number } = call;
  const hint = callerHint(number, callers, t, <p className="hint shimmer" role="status">{t('calls.lookingUp')}</p>);
  if (hint !== null) return hint;
  const total = callers.total ?? callers.matches.length;
  if (total > SWITCHBOARD_THRESHOLD && selection.kind !== 'person') return <p className="hint">{t('calls.sharedNumber', { total: formatCount(total, i18n.language) })}</p>;
  // The pop-up names whom the selection stands for: never a probable or inactive match nobody picked.
  const shown = selection.kind === 'person' ? callers.matches.filter((m) => m.personId === selection.personId) : selection.kind === 'all' ? callers.matches.filter(isDefaultCandidate) : [];
  const [first] = shown;
  if (!first) return unconfirmedHint(callers, t);
  return (
    <div className="popup__caller" role="status">
      <p className="popup__name">
        {first.name} <ConfidenceBadge match={first} />
      </p>
      <p className="hint">{[first.organization, shown.length > 1 ? t('popup.others', { count: shown.length - 1 }) : undefined].filter(Boolean).join(' · ')}</p>
    </div>
  );
}

function PopupTickets({ call }: { call: CallView }) {
  const { t } = useTranslation();
  const lists = call.lists.filter((l) => l.state !== 'skipped');
  if (lists.length === 0) return null;
  return (
    <ul className="popup__lists">
      {lists.map((l) => (
        <li key={l.id}>
          <span className="popup__list-label">{l.label}</span>
          {l.state === 'done' ? <span className="count">{l.total ?? l.tickets.length}</span> : <span className={l.state === 'error' ? 'hint hint--danger' : 'hint'}>{t(l.state === 'error' ? 'popup.listFailed' : 'calls.listLoading')}</span>}
        </li>
      ))}
    </ul>
  );
}
