import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/contract/views';
import { Icon } from '../../components/Icon';
import { useAppStatus, useTransport, useUiActions } from '../../stores/stores-context';
import { OutboxPanel } from '../outbox/OutboxPanel';
import { IndexStaleChip } from './IndexFreshness';

/**
 * Honest states, most serious first: the UI cannot reach the core, iTop is down or refuses the login, then
 * quieter facts (demo data, no CTI bridge, indexing). Problems are alerts; facts are plain status chips.
 */
export function StatusBar() {
  const { t } = useTranslation();
  const transport = useTransport();
  const status = useAppStatus();
  const { pageChosen } = useUiActions();
  const [outboxOpen, setOutboxOpen] = useState(false);
  if (transport !== 'open') {
    return (
      <div className={`banner ${transport === 'disconnected' ? 'banner--danger' : 'banner--info'}`} role={transport === 'disconnected' ? 'alert' : 'status'}>
        <Icon name="plug" /> {t(transport === 'disconnected' ? 'status.disconnected' : 'status.connecting')}
      </div>
    );
  }
  if (!status) return null;
  const problem = itopProblem(status, t);
  return (
    // data-index-built-at lets benchmarks wait for the phone index without scraping text.
    <div className="status" aria-label={t('status.region')} role="region" data-index-built-at={status.index.builtAt ?? ''}>
      {problem && (
        <div className="banner banner--danger" role="alert">
          <Icon name="alert" />
          <span className="banner__text">
            <strong>{problem}</strong>
            {/* The core's own words (already in the agent's language where it can) say what to fix. */}
            {status.itop.message && status.itop.state !== 'not-configured' && <span className="banner__detail">{status.itop.message}</span>}
          </span>
          {status.itop.state !== 'unreachable' && (
            <button type="button" className="button button--small" onClick={() => pageChosen('settings')}>
              {t('status.openSettings')}
            </button>
          )}
        </div>
      )}
      <ul className="chips" aria-label={t('status.region')}>
        {!problem && <li className={`dot-chip dot-chip--${status.itop.state === 'connected' ? 'ok' : 'info'}`}>{itopFact(status, t)}</li>}
        <li className={`dot-chip dot-chip--${status.bridge.connected > 0 ? 'ok' : 'off'}`}>
          {status.bridge.connected > 0 ? t('status.bridgeUp') : t('status.bridgeDown', { port: status.bridge.port })}
        </li>
        {status.index.building && <li className="dot-chip dot-chip--info">{t('status.indexing')}</li>}
        {status.index.error && <li className="dot-chip dot-chip--warn">{t('status.indexError', { message: status.index.error })}</li>}
        <IndexStaleChip />
        {status.outbox.failed > 0 && <li className="dot-chip dot-chip--warn">{t('status.outboxFailed', { count: status.outbox.failed })}</li>}
        <li>
          <button type="button" className={`chip-button ${status.outbox.pending + status.outbox.failed > 0 ? 'chip-button--busy' : ''}`} aria-expanded={outboxOpen} onClick={() => setOutboxOpen(!outboxOpen)}>
            {t('outbox.chip', { pending: status.outbox.pending, failed: status.outbox.failed })}
          </button>
        </li>
      </ul>
      {outboxOpen && <OutboxPanel />}
    </div>
  );
}

type T = (key: string, options?: Record<string, unknown>) => string;

function itopProblem(status: AppStatus, t: T): string | null {
  if (status.itop.state === 'unreachable') return t('status.unreachable');
  if (status.itop.state === 'login-refused') return t('status.loginRefused');
  if (status.itop.state === 'not-configured') return t('status.notConfigured');
  return null;
}

function itopFact(status: AppStatus, t: T): string {
  if (status.itop.state === 'demo') return t('status.demo');
  if (status.itop.state === 'checking') return t('status.checking');
  const identity = status.itop.identity;
  return identity ? t('status.connected', { name: identity.organization ? `${identity.name} (${identity.organization})` : identity.name }) : t('status.connectedAnonymous');
}
