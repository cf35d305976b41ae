import { useTranslation } from 'react-i18next';
import type { CallActionView } from '../../../shared/contract/dial';
import type { TicketRef } from '../../../shared/contract/tickets';
import { Icon } from '../../components/Icon';
import { useDialActions } from '../../stores/stores-context';
import { DialVia } from './DialVia';

/**
 * One button per call action (ecall_parameters): the number formatted for reading; the core already left out
 * empty attributes. An undialable number stays visible but disabled, with the reason.
 */
export function CallActions({ actions, who, ticket, personId }: { actions: CallActionView[]; who: string; ticket?: TicketRef; personId?: string }) {
  const { t } = useTranslation();
  const { dialRequested } = useDialActions();
  if (actions.length === 0) return null;
  return (
    <ul className="call-actions" aria-label={t('dial.actions', { who })}>
      {actions.map((a) => {
        const kind = t(`dial.kind.${a.attribute}`, { defaultValue: a.name });
        return (
          <li key={`${a.name}:${a.attribute}`}>
            <button
              type="button"
              className="button button--small call-action"
              disabled={!a.dialString}
              title={a.problem ?? a.dialString}
              aria-label={t('dial.call', { who, kind, number: a.display })}
              onClick={() => void dialRequested({ number: a.raw, action: a.name, ...(ticket ? { ticket } : {}), ...(personId ? { personId } : {}) })}
            >
              <Icon name="phoneOut" /> <span className="call-action__kind">{kind}</span> <span className="call-action__number">{a.display}</span> <DialVia />
            </button>
            {a.problem && <span className="hint hint--warning">{a.problem}</span>}
          </li>
        );
      })}
    </ul>
  );
}
