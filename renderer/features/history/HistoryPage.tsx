import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../shared/contract/views';
import { Badge } from '../../components/Badge';
import { Icon } from '../../components/Icon';
import { formatClock, formatDuration } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { openMissed } from '../../stores/history-store';
import { useHistoryActions, useHistoryEntries } from '../../stores/stores-context';

/** Missed calls waiting for a call-back on top, then everything recent (persisted by the core). */
export function HistoryPage() {
  const { t } = useTranslation();
  const entries = useHistoryEntries();
  const missed = openMissed(entries);
  const now = useNow(30_000);
  return (
    <section className="page" aria-label={t('app.history')}>
      <h2 className="section-title">
        {t('history.missed')} {missed.length > 0 && <span className="count count--danger">{missed.length}</span>}
      </h2>
      <p className="hint">{t('history.missedHint')}</p>
      {missed.length === 0 ? <p className="hint">{t('history.noMissed')}</p> : <HistoryList entries={missed} now={now} missed />}
      <h2 className="section-title">{t('history.recent')}</h2>
      {entries.length === 0 ? <p className="hint">{t('history.noRecent')}</p> : <HistoryList entries={entries} now={now} />}
    </section>
  );
}

function HistoryList({ entries, now, missed = false }: { entries: HistoryEntry[]; now: number; missed?: boolean }) {
  const { t, i18n } = useTranslation();
  const { missedCleared } = useHistoryActions();
  return (
    <ul className="history" aria-label={missed ? t('history.missed') : t('history.recent')}>
      {entries.map((e) => {
        const who = e.name ?? (e.number.kind === 'withheld' ? t('calls.withheld') : e.number.display);
        return (
          <li key={e.callId} className={`history__row ${e.state === 'missed' ? 'history__row--missed' : ''}`}>
            <span className="history__icon" aria-hidden="true">
              <Icon name={e.state === 'missed' ? 'phoneMissed' : e.direction === 'inbound' ? 'phoneIn' : 'phoneOut'} />
            </span>
            <span className="history__who">
              <span className="history__name">{who}</span>
              {e.name && <span className="history__number">{e.number.display}</span>}
            </span>
            <span className="history__meta">
              <time dateTime={new Date(e.startedAt).toISOString()}>{formatClock(e.startedAt, now, i18n.language)}</time>
              {e.durationMs !== undefined && e.state !== 'missed' ? <span>{formatDuration(e.durationMs)}</span> : <Badge tone={e.state === 'missed' ? 'danger' : 'neutral'}>{t(`calls.state.${e.state}`)}</Badge>}
            </span>
            {missed && (
              <button type="button" className="button button--small" aria-label={t('history.markHandled', { who })} onClick={() => void missedCleared(e.number.e164 ?? e.number.raw)}>
                {t('history.handled')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
