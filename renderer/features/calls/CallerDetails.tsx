import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CallerMatch } from '../../../shared/contract/views';
import { Badge } from '../../components/Badge';
import { CallActions } from '../dial/CallActions';
import { usePersonCallActions } from '../dial/use-call-actions';

/** Confidence is the first thing an agent must see: a probable match is never logged without a check. */
export function ConfidenceBadge({ match }: { match: CallerMatch }) {
  const { t } = useTranslation();
  return match.confidence === 'confirmed' ? (
    <Badge tone="success">{t('calls.confirmed')}</Badge>
  ) : (
    <Badge tone="warning" title={t('calls.probableHint')}>
      {t('calls.probable')}
    </Badge>
  );
}

/** Everything the companion knows about one caller, most useful first. */
export function CallerDetails({ match }: { match: CallerMatch }) {
  const { t } = useTranslation();
  const extra = match.display.filter((d) => d !== match.name && d !== match.organization);
  const others = match.phones.filter((p) => p.attribute !== match.matchedAttribute);
  const actions = usePersonCallActions(match.personId);
  return (
    <section className="caller" aria-label={match.name}>
      <div className="caller__head">
        <span className="avatar" aria-hidden="true">
          {initials(match.name)}
        </span>
        <div className="caller__id">
          <p className="caller__name">{match.name}</p>
          {match.organization && <p className="caller__org">{match.organization}</p>}
        </div>
        <div className="caller__badges">
          <ConfidenceBadge match={match} />
          {match.inactive && <Badge tone="danger">{t('calls.inactive')}</Badge>}
        </div>
      </div>
      {match.confidence === 'probable' && <p className="hint hint--warning">{probableWhy(match, t)}</p>}
      <dl className="facts">
        {extra.length > 0 && (
          <div className="facts__row facts__row--wide">
            <dd>{extra.join(' · ')}</dd>
          </div>
        )}
        {match.location && <Fact label={t('calls.location')} value={match.location} />}
        {match.email && (
          <Fact label={t('calls.email')} value={<a href={`mailto:${match.email}`}>{match.email}</a>} />
        )}
        {others.length > 0 && <Fact label={t('calls.otherNumbers')} value={others.map((p) => p.display).join(', ')} />}
      </dl>
      <CallActions actions={actions} who={match.name} personId={match.personId} />
    </section>
  );
}

/** Why a probable match is only probable, naming the stored value that matched when there is one. */
function probableWhy(match: CallerMatch, t: TFunction): string {
  const raw = match.matchedRaw ?? '';
  switch (match.reason) {
    case 'last-digits-uncertain-stored':
      return t('calls.whyUncertainStored', { raw });
    case 'last-digits-uncertain-received':
      return t('calls.whyUncertainReceived', { raw });
    case 'other-reading':
      return t('calls.whyOtherReading', { raw });
    case 'caller-query':
      return t('calls.whyQuery');
    default:
      return t('calls.probableHint');
  }
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((p) => (p ?? '').charAt(0).toUpperCase()).join('') || '?';
}
