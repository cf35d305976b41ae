import type { CallerMatch } from '../../../shared/contract/views';
import type { MatchReason } from './match-rules';
import type { PersonRecord } from './person-record';

/** How one Person matched: the verdict, and which stored value (how sure its reading is) explains it. */
export interface MatchInfo {
  readonly confidence: 'confirmed' | 'probable';
  readonly reason: MatchReason;
  readonly attribute?: string;
  readonly raw?: string;
  readonly certain?: boolean;
}

/** The view of one matched Person; `displayPhone` formats a stored number for the agent. */
export function toCallerMatch(
  person: PersonRecord,
  info: MatchInfo,
  displayAttributes: readonly string[],
  displayPhone: (raw: string) => string,
): CallerMatch {
  const display = displayAttributes.map((code) => person.fields[code] ?? '').filter((value) => value !== '');
  return {
    personId: person.id,
    name: person.name,
    ...(person.orgName ? { organization: person.orgName } : {}),
    ...(person.orgId && person.orgId !== '0' ? { orgId: person.orgId } : {}),
    ...(person.locationName ? { location: person.locationName } : {}),
    ...(person.email ? { email: person.email } : {}),
    phones: person.phones.map((p) => ({ attribute: p.attribute, raw: p.raw, display: displayPhone(p.raw) })),
    confidence: info.confidence,
    ...(info.attribute ? { matchedAttribute: info.attribute } : {}),
    ...(info.raw !== undefined ? { matchedRaw: info.raw } : {}),
    ...(info.certain !== undefined ? { certainty: info.certain ? ('certain' as const) : ('uncertain' as const) } : {}),
    reason: info.reason,
    ...(person.inactive ? { inactive: true } : {}),
    display: display.length > 0 ? display : [person.name],
  };
}
