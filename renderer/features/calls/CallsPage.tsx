import { useTranslation } from 'react-i18next';
import { useCalls } from '../../stores/stores-context';
import { ManualDialer } from '../dial/ManualDialer';
import { PendingDials } from '../dial/PendingDials';
import { IndexStaleHint } from '../status/IndexFreshness';
import { CallCard } from './CallCard';
import { SimulateCall } from './SimulateCall';

/** Concurrent calls stacked, the ringing ones on top; an inviting empty state otherwise. */
export function CallsPage() {
  const { t } = useTranslation();
  const calls = useCalls();
  return (
    <section className="page" aria-label={t('calls.region')}>
      <ManualDialer />
      <PendingDials />
      <IndexStaleHint />
      {calls.length === 0 ? (
        <div className="empty">
          <p className="empty__title">{t('calls.empty')}</p>
          <p className="hint">{t('calls.emptyHint')}</p>
        </div>
      ) : (
        <div className="call-stack">
          {calls.map((c) => (
            <CallCard key={c.callId} call={c} />
          ))}
        </div>
      )}
      <details className="disclosure" open={calls.length === 0}>
        <summary>{t('calls.simulate')}</summary>
        <SimulateCall />
      </details>
    </section>
  );
}
