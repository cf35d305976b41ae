import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { isDefaultCandidate, type CallView } from '../../../shared/contract/views';

/**
 * What the panel and the ring pop-up say instead of a caller, honestly: a number that cannot be looked up
 * (withheld, internal, unusable), the lookup still running (`loading`, each view has its own), failed, or
 * nobody found. Null when there are callers to show.
 */
export function callerHint(number: CallView['number'], callers: CallView['callers'], t: TFunction, loading: ReactNode): ReactNode | null {
  if (number.kind === 'withheld') return <p className="hint">{t('calls.withheldHint')}</p>;
  if (number.kind === 'internal') return <p className="hint">{t('calls.internalHint')}</p>;
  if (number.kind === 'invalid' || number.kind === 'unfilled-macro') {
    return (
      <p className="hint hint--warning" role="alert">
        {t('calls.invalid')}
        {number.problem ? `: ${number.problem}` : ''}
      </p>
    );
  }
  if (callers.state === 'loading' || callers.state === 'idle') return loading;
  if (callers.state === 'error') {
    return (
      <p className="hint hint--danger" role="alert">
        {t('calls.lookupFailed', { message: callers.error ?? '' })}
      </p>
    );
  }
  if (callers.matches.length === 0) return <p className="hint" role="status">{t('calls.noMatch')}</p>;
  return null;
}

/**
 * Matches were found but none is confirmed and active: nobody is selected and their tickets are not listed
 * until the agent picks one. Says so, in the panel and the ring pop-up; null otherwise.
 */
export function unconfirmedHint(callers: CallView['callers'], t: TFunction): ReactNode | null {
  if (callers.matches.length === 0 || callers.matches.some(isDefaultCandidate)) return null;
  return (
    <p className="hint hint--warning" role="status">
      {t('calls.unconfirmedOnly', { count: callers.total ?? callers.matches.length })}
    </p>
  );
}
