import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isDefaultCandidate, type CallerMatch, type CallerSelection } from '../../../shared/contract/views';
import { useCallsActions } from '../../stores/stores-context';

interface Option {
  key: string;
  label: string;
  detail: string;
  selection: CallerSelection;
}

/** Beyond this many choices the chips become a select. */
const MAX_CHIPS = 6;

const keyOf = (s: CallerSelection) => (s.kind === 'person' ? `person:${s.personId}` : s.kind);

/**
 * "Who is calling?" as native radio buttons in a radiogroup: arrow keys move the choice, and each choice
 * reloads the ticket lists in the core. "All" stands for the confirmed active matches only; probable and
 * inactive ones come after, labelled ("probable: check", "inactive").
 */
export function CallerChooser({ callId, matches, selection, choices, onChosen, label }: { callId: string; matches: CallerMatch[]; selection: CallerSelection; choices?: CallerSelection[]; onChosen?: (selection: CallerSelection) => void; label?: string }) {
  const { t } = useTranslation();
  const { callerChosen: chosenForCall } = useCallsActions();
  // A pending dial reuses the chooser with its own intent (dial:choose-callee) and title ("Who are you calling?").
  const callerChosen = (id: string, s: CallerSelection) => (onChosen ? onChosen(s) : chosenForCall(id, s));
  const labelId = useId();
  const name = useId();
  const trusted = matches.filter(isDefaultCandidate);
  const single = matches.length === 1 ? matches[0] : undefined;
  // The core's order when it sends one (the extension's chooser over the confirmed active matches, then the
  // probable and inactive ones); otherwise the same order built here.
  const order: CallerSelection[] = choices ?? [
    ...(trusted.length > 1 ? [{ kind: 'all' } as const] : []),
    ...[...trusted, ...matches.filter((m) => !isDefaultCandidate(m))].map((m) => ({ kind: 'person', personId: m.personId }) as const),
    { kind: 'unknown' },
  ];
  const options = order.flatMap((choice): Option[] => {
    if (choice.kind === 'all') return [{ key: 'all', label: t('calls.all', { count: trusted.length }), detail: '', selection: choice }];
    if (choice.kind === 'unknown') return [{ key: 'unknown', label: t('calls.unknown'), detail: '', selection: choice }];
    const m = matches.find((x) => x.personId === choice.personId);
    if (!m) return [];
    // Never selected by default, so the label says why before the agent picks one of them.
    const caution = [m.confidence === 'probable' ? t('calls.choiceProbable') : undefined, m.inactive ? t('calls.choiceInactive') : undefined];
    const detail = [m.organization, ...caution].filter(Boolean).join(' · ');
    return [{ key: keyOf(choice), label: m.name, detail, selection: choice }];
  });
  const hasAll = options.some((o) => o.key === 'all');
  const current = single && !hasAll && selection.kind === 'all' ? `person:${single.personId}` : keyOf(selection);
  if (options.length > MAX_CHIPS) {
    // A shared switchboard can match dozens of persons: a labelled select stays usable where chips would not.
    return (
      <div className="chooser field">
        <label id={labelId} htmlFor={`${labelId}-select`} className="chooser__label">
          {label ?? t('calls.chooser')}
        </label>
        <select id={`${labelId}-select`} value={current} onChange={(e) => {
          const chosen = options.find((o) => o.key === e.target.value);
          if (chosen) void callerChosen(callId, chosen.selection);
        }}>
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.detail ? `${o.label} — ${o.detail}` : o.label}
            </option>
          ))}
        </select>
      </div>
    );
  }
  return (
    <div className="chooser" role="radiogroup" aria-labelledby={labelId}>
      <p id={labelId} className="chooser__label">
        {label ?? t('calls.chooser')}
      </p>
      <div className="chooser__options">
        {options.map((o) => (
          <label key={o.key} className={`chip ${current === o.key ? 'chip--on' : ''}`}>
            <input
              type="radio"
              name={name}
              value={o.key}
              checked={current === o.key}
              onChange={() => void callerChosen(callId, o.selection)}
            />
            <span className="chip__label">{o.label}</span>
            {o.detail && <span className="chip__detail">{o.detail}</span>}
          </label>
        ))}
      </div>
    </div>
  );
}
