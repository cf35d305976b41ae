import type { DemoCaller } from '../../../shared/contract/views';
import type { PhoneIndexService } from '../lookup/index-service';
import type { ItopReader } from '../lookup/itop-reader';
import { keyStoredNumber } from '../lookup/phone-adapter';

export interface DemoPerson {
  readonly id: string;
  readonly name: string;
  readonly numbers: readonly string[];
}

/** Beyond this many contacts a number is a switchboard (the panel then selects nobody; see README). */
const SWITCHBOARD_ABOVE = 10;
/** Numbers arrive as the E.164 their Person's region reads them to: equal digits = the same number. */
const keyOf = (raw: string): string => raw.replace(/\D/g, '');
const UNKNOWN_CANDIDATES = ['+33 9 99 99 99 99', '+44 20 7946 0000', '+49 30 9999 9999'];

/**
 * One number of each case from the demo data, so a newcomer sees every behaviour with one click: a known
 * caller (preferably one with open tickets), several matches, a switchboard, a number nobody has, a withheld
 * one. A case the data does not contain is left out rather than invented.
 */
export function pickDemoCallers(persons: readonly DemoPerson[], withTickets: ReadonlySet<string>, dialable: (number: string) => boolean = () => true): DemoCaller[] {
  const groups = new Map<string, { number: string; persons: Set<string> }>();
  for (const person of persons) {
    for (const number of person.numbers) {
      const key = keyOf(number);
      if (key.length < 6) continue; // extensions are internal, not callers
      const group = groups.get(key) ?? { number, persons: new Set<string>() };
      group.persons.add(person.id);
      groups.set(key, group);
    }
  }
  const byId = new Map(persons.map((p) => [p.id, p]));
  // A number stored in its organization's national form may not read as a call in the agent's region.
  const all = [...groups.values()].filter((g) => dialable(g.number));
  const single = all.filter((g) => g.persons.size === 1);
  const known = single.find((g) => withTickets.has([...g.persons][0] ?? '')) ?? single[0];
  const several = all.filter((g) => g.persons.size > 1 && g.persons.size <= SWITCHBOARD_ABOVE).sort((a, b) => b.persons.size - a.persons.size)[0];
  const switchboard = all.filter((g) => g.persons.size > SWITCHBOARD_ABOVE).sort((a, b) => b.persons.size - a.persons.size)[0];
  const unknown = UNKNOWN_CANDIDATES.find((n) => !groups.has(keyOf(n)) && dialable(n));
  return [
    ...(known ? [{ kind: 'known' as const, number: known.number, name: byId.get([...known.persons][0] ?? '')?.name ?? '' }] : []),
    ...(several ? [{ kind: 'several' as const, number: several.number, count: several.persons.size }] : []),
    ...(switchboard ? [{ kind: 'switchboard' as const, number: switchboard.number, count: switchboard.persons.size }] : []),
    ...(unknown ? [{ kind: 'unknown' as const, number: unknown }] : []),
    { kind: 'withheld' as const, number: 'anonymous' },
  ];
}

/**
 * Picks from the phone index, each stored number as the E.164 it reads to in its Person's region, so a demo
 * caller rings exactly the number iTop holds (a national number of another country is not a call from here);
 * plus one core/get for the callers of open requests.
 */
export async function loadDemoCallers(index: Pick<PhoneIndexService, 'current' | 'regionOf' | 'regionKnown'>, reader: ItopReader, dialable?: (number: string) => boolean): Promise<DemoCaller[]> {
  const indexed = index.current();
  if (!indexed) return [];
  const tickets = await reader.get({ class: 'UserRequest', key: "SELECT UserRequest WHERE status != 'closed'", outputFields: ['caller_id'] });
  const persons = [...indexed.records()]
    .filter((p) => !p.inactive)
    .map((p) => {
      const region = index.regionOf(p);
      const known = index.regionKnown(p);
      const numbers = p.phones.map((phone) => keyStoredNumber(phone.raw, region, known)).filter((k) => k?.e164 !== undefined).map((k) => k?.e164 ?? '');
      return { id: p.id, name: p.name, numbers };
    });
  const withTickets = new Set(tickets.ok ? tickets.value.objects.map((o) => String(o.fields['caller_id'] ?? '')) : []);
  return pickDemoCallers(persons, withTickets, dialable);
}
