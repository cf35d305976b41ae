import { memo, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallView } from '../../../shared/contract/views';
import { Badge } from '../../components/Badge';
import { Icon } from '../../components/Icon';
import { formatDuration } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { useCallError, useCallsActions, useFocusedCallId } from '../../stores/stores-context';
import { CreationBar, creationBarProps } from '../create/CreationBar';
import { OutboundInfo } from '../dial/OutboundInfo';
import { CallerSection } from './CallerSection';
import { TicketLists } from './TicketLists';

/** Badge colour of each call state (the card and the ring pop-up). */
export const STATE_TONE = { ringing: 'info', dialing: 'info', answered: 'success', ended: 'neutral', missed: 'danger', failed: 'danger' } as const;

/** Live duration: ringing time before the answer, talk time after, frozen once ended. */
export function callDuration(call: CallView, now: number): number {
  if (call.durationMs !== undefined) return call.durationMs;
  const from = call.answeredAt ?? call.startedAt;
  return (call.endedAt ?? now) - from;
}

/** The duration, ticking every second while the call is live: only this re-renders with the clock. */
function CallDuration({ call, live }: { call: CallView; live: boolean }) {
  const now = useNow(live ? 1000 : 0);
  const text = formatDuration(callDuration(call, now));
  return (
    <span className={`duration ${live ? 'duration--live' : ''}`} aria-label={text}>
      {text}
    </span>
  );
}

/**
 * One call: the number at once, then the caller and the lists as the core fills them in. Memoized: the
 * calls store keeps an unchanged call's object, so a snapshot about another call does not re-render this one.
 */
export const CallCard = memo(function CallCard({ call }: { call: CallView }) {
  const { t } = useTranslation();
  const { dismissed } = useCallsActions();
  const error = useCallError(call.callId);
  const focused = useFocusedCallId() === call.callId;
  const titleId = useId();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focused) {
      ref.current?.scrollIntoView({ block: 'nearest' });
      ref.current?.focus();
    }
  }, [focused]);

  const who = call.callers.matches.length === 1 ? (call.callers.matches[0]?.name ?? call.number.display) : call.number.display;
  const numberText = call.number.kind === 'withheld' ? t('calls.withheld') : call.number.kind === 'internal' ? t('calls.internal', { number: call.number.display }) : call.number.display;
  const live = call.state === 'ringing' || call.state === 'answered' || call.state === 'dialing';
  return (
    <article
      ref={ref}
      tabIndex={-1}
      className={`call call--${call.state}`}
      aria-labelledby={titleId}
      // Machine-readable progress for automation and the paint benchmark (no text scraping).
      data-call-id={call.callId}
      data-callers-state={call.callers.state}
      data-lists-state={call.lists.some((l) => l.state === 'loading') ? 'loading' : 'done'}
    >
      <header className="call__head">
        <span className={`call__icon call__icon--${call.state}`} aria-hidden="true">
          <Icon name={call.state === 'missed' ? 'phoneMissed' : call.direction === 'inbound' ? 'phoneIn' : 'phoneOut'} size={20} />
        </span>
        <div className="call__title">
          <h2 id={titleId} className="call__number">
            <span className="sr-only">{t(call.direction === 'inbound' ? 'calls.inbound' : 'calls.outbound')}: </span>
            {numberText}
          </h2>
          <p className="call__meta">
            <Badge tone={STATE_TONE[call.state]}>{t(`calls.state.${call.state}`)}</Badge>
            <CallDuration call={call} live={live} />
            {call.displayName && <span className="call__pbx-name">{call.displayName}</span>}
          </p>
        </div>
        <button type="button" className="icon-button" aria-label={t('calls.dismiss', { who })} onClick={() => void dismissed(call.callId)}>
          <Icon name="close" />
        </button>
      </header>
      {error && (
        <p className="hint hint--danger" role="alert">
          {error}
        </p>
      )}
      {call.outbound && <OutboundInfo outbound={call.outbound} />}
      <CallerSection callId={call.callId} number={call.number} callers={call.callers} selection={call.selection} choices={call.choices} />
      <CreationBar {...creationBarProps(call)} />
      {(call.lists.length > 0 || (call.selection.kind === 'unknown' && call.callers.matches.length > 0)) && (
        <TicketLists lists={call.lists} selection={call.selection} callId={call.callId} />
      )}
    </article>
  );
});
