import type { CallerMatch } from '../../../shared/contract/views';
import type { PersonRecord } from './person-record';

export interface MatchInfo {
  readonly confidence: 'confirmed' | 'probable';
  readonly attribute?: string;
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
    ...(person.inactive ? { inactive: true } : {}),
    display: display.length > 0 ? display : [person.name],
  };
}
