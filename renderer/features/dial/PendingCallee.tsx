import { useTranslation } from 'react-i18next';
import type { PendingDialView } from '../../../shared/contract/dial';
import { CallerChooser } from '../calls/CallerChooser';
import { useDialActions } from '../../stores/stores-context';

/**
 * Whom a pending dial calls, as the core's lookup found them: one person is named; several (a shared desk or
 * switchboard number) get the inbound call's chooser, so the agent picks the callee the PhoneCall names.
 */
export function PendingCallee({ dial }: { dial: PendingDialView }) {
  const { t } = useTranslation();
  const { calleeChosen } = useDialActions();
  const found = dial.callee;
  if (!found) return null;
  if (found.state === 'loading') return <p className="hint" role="status">{t('dial.calleeLoading')}</p>;
  const [only] = found.matches;
  if (found.matches.length === 1 && only) return <p>{t('dial.callee', { name: only.name })}</p>;
  if (found.matches.length === 0 || !found.selection) return null;
  return (
    <CallerChooser
      callId={dial.pendingId}
      matches={found.matches}
      selection={found.selection}
      {...(found.choices ? { choices: found.choices } : {})}
      label={t('dial.chooseCallee')}
      onChosen={(selection) => void calleeChosen(dial.pendingId, selection)}
    />
  );
}
