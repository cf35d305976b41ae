import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { SWITCHBOARD_THRESHOLD, isDefaultCandidate, type CallerMatch, type CallView } from '../../../shared/contract/views';
import { formatCount } from '../../lib/format';
import { callerHint, unconfirmedHint } from './caller-hint';
import { CallerChooser } from './CallerChooser';
import { CallerDetails, ConfidenceBadge } from './CallerDetails';

/** Full cards for a few callers; a compact list when a number matches many (shared switchboards). */
const MAX_DETAILED = 3;
const MAX_LISTED = 8;

/** "1,292 contacts share this number": why nobody is selected, and that the list is the likeliest part. */
function SharedNumberHint({ callers }: { callers: CallView['callers'] }) {
  const { t, i18n } = useTranslation();
  const total = callers.total ?? callers.matches.length;
  if (total <= SWITCHBOARD_THRESHOLD) return null;
  const values = { total: formatCount(total, i18n.language), shown: callers.matches.length };
  return <p className="hint">{t(total > callers.matches.length ? 'calls.sharedNumberCapped' : 'calls.sharedNumber', values)}</p>;
}

function CallerSummary({ matches }: { matches: CallerMatch[] }) {
  const { t } = useTranslation();
  return (
    <ul className="caller-summary" aria-label={t('calls.chooser')}>
      {matches.slice(0, MAX_LISTED).map((m) => (
        <li key={m.personId}>
          <span className="caller-summary__name">{m.name}</span>
          {m.organization && <span className="caller-summary__org">{m.organization}</span>}
          <ConfidenceBadge match={m} />
        </li>
      ))}
      {matches.length > MAX_LISTED && <li className="hint">{t('calls.moreCallers', { count: matches.length - MAX_LISTED })}</li>}
    </ul>
  );
}

/** Who is calling, honestly: a number that cannot be looked up says so instead of showing "no match". */
export const CallerSection = memo(function CallerSection({ callId, number, callers, selection, choices }: Pick<CallView, 'callId' | 'number' | 'callers' | 'selection' | 'choices'>) {
  const { t } = useTranslation();
  const hint = callerHint(
    number,
    callers,
    t,
    <div className="caller caller--loading" role="status" aria-live="polite">
      <span className="avatar avatar--ghost" aria-hidden="true" />
      <span className="shimmer">{t('calls.lookingUp')}</span>
    </div>,
  );
  if (hint !== null) return hint;

  const chosen =
    selection.kind === 'person'
      ? callers.matches.filter((m) => m.personId === selection.personId)
      : selection.kind === 'all'
        ? callers.matches.filter(isDefaultCandidate)
        : [];
  return (
    <div className="callers" aria-live="polite">
      <SharedNumberHint callers={callers} />
      {unconfirmedHint(callers, t)}
      <CallerChooser callId={callId} matches={callers.matches} selection={selection} choices={choices} />
      {chosen.length > MAX_DETAILED ? (
        <CallerSummary matches={chosen} />
      ) : (
        chosen.map((m) => <CallerDetails key={m.personId} match={m} />)
      )}
    </div>
  );
});
