import { useTranslation } from 'react-i18next';
import type { OutboundCallView } from '../../../shared/contract/views';
import { Badge } from '../../components/Badge';

/** How an outbound call was placed and what it will be logged on: the agent must never wonder. */
export function OutboundInfo({ outbound }: { outbound: OutboundCallView }) {
  const { t } = useTranslation();
  const dispatchTone = outbound.dispatch === 'failed' ? 'danger' : outbound.dispatch === 'sent' ? 'success' : 'info';
  return (
    <div className="outbound" aria-label={t('dial.outboundDetails')} role="group">
      <p className="outbound__line">
        <Badge tone={dispatchTone}>{t(`dial.dispatch.${outbound.dispatch}`)}</Badge>
        <span className="hint">{t(`dial.method.${outbound.method}`)} · <code>{outbound.dialString}</code></span>
        {outbound.tracked && <Badge tone="info">{t('dial.tracked')}</Badge>}
      </p>
      {outbound.error && <p role="alert" className="hint hint--danger">{t('dial.failed', { message: outbound.error })}</p>}
      {outbound.person && <p className="outbound__line">{t('dial.callee', { name: outbound.person.name ?? `#${outbound.person.personId}` })}</p>}
      {outbound.ticket && <p className="outbound__line">{t('dial.onTicket', { ref: outbound.ticket.ref ?? `#${outbound.ticket.id}` })}</p>}
      {outbound.journal && <p className="hint hint--success">{t(outbound.journal.kind === 'phonecall' ? 'dial.journalCall' : 'dial.journalPrivate')}</p>}
      {outbound.journalProblem && <p className="hint hint--warning">{outbound.journalProblem}</p>}
    </div>
  );
}
