import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/contract/views';
import { useAppStatus } from '../../stores/stores-context';

/**
 * Callers come from the phone index saved on this computer and iTop cannot confirm them right now (unreachable,
 * login refused, or the index refresh failed): the agent is told the names may be out of date, and since when.
 */
export function indexMayBeStale(status: AppStatus): boolean {
  const { index, itop } = status;
  if (index.persons === 0 || index.stale !== true) return false;
  return itop.state === 'unreachable' || itop.state === 'login-refused' || index.error !== undefined;
}

// Always with the date: a saved index may be from yesterday or from before a holiday.
const WHEN: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };

function useStaleText(key: 'status.indexStale' | 'calls.indexStaleHint'): string | null {
  const { t, i18n } = useTranslation();
  const status = useAppStatus();
  if (!status || !indexMayBeStale(status)) return null;
  const since = status.index.syncedAt;
  return since === undefined ? t(`${key}Unknown`) : t(key, { when: new Intl.DateTimeFormat(i18n.language, WHEN).format(since) });
}

/** The status bar chip. */
export function IndexStaleChip() {
  const text = useStaleText('status.indexStale');
  return text === null ? null : <li className="dot-chip dot-chip--warn" data-index-stale="true">{text}</li>;
}

/** The calls panel hint, above the cards. */
export function IndexStaleHint() {
  const text = useStaleText('calls.indexStaleHint');
  return text === null ? null : (
    <p className="hint hint--warning" role="status" data-index-stale="true">
      {text}
    </p>
  );
}
