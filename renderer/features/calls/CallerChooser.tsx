import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallerMatch, CallerSelection } from '../../../shared/contract/views';
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
 * reloads the ticket lists in the core. With a single match, "All" would say the same as the person.
 */
export function CallerChooser({ callId, matches, selection, choices, onChosen, label }: { callId: string; matches: CallerMatch[]; selection: CallerSelection; choices?: CallerSelection[]; onChosen?: (selection: CallerSelection) => void; label?: string }) {
  const { t } = useTranslation();
  const { callerChosen: chosenForCall } = useCallsActions();
  // A pending dial reuses the chooser with its own intent (dial:choose-callee) and title ("Who are you calling?").
  const callerChosen = (id: string, s: CallerSelection) => (onChosen ? onChosen(s) : chosenForCall(id, s));
  const labelId = useId();
  const name = useId();
  const single = matches.length === 1 ? matches[0] : undefined;
  // The core's order when it sends one (the extension's chooser); otherwise [All,] each match, Unknown.
  const order: CallerSelection[] = choices ?? [
    ...(single ? [] : [{ kind: 'all' } as const]),
    ...matches.map((m) => ({ kind: 'person', personId: m.personId }) as const),
    { kind: 'unknown' },
  ];
  const options = order.flatMap((choice): Option[] => {
    if (choice.kind === 'all') return [{ key: 'all', label: t('calls.all', { count: matches.length }), detail: '', selection: choice }];
    if (choice.kind === 'unknown') return [{ key: 'unknown', label: t('calls.unknown'), detail: '', selection: choice }];
    const m = matches.find((x) => x.personId === choice.personId);
    if (!m) return [];
    const detail = [m.organization, m.confidence === 'probable' ? t('calls.probable') : undefined].filter(Boolean).join(' · ');
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
