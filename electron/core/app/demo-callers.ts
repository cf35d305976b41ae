import type { DemoCaller } from '../../../shared/contract/views';
import type { ItopReader } from '../lookup/itop-reader';

export interface DemoPerson {
  readonly id: string;
  readonly name: string;
  readonly numbers: readonly string[];
}

/** Beyond this many contacts a number is a switchboard (the panel then selects nobody; see README). */
const SWITCHBOARD_ABOVE = 10;
/** Numbers compared on their last 9 digits (extension dropped): what "the same number" means across spellings. */
const keyOf = (raw: string): string => raw.replace(/\s*(x|ext\.?|#).*$/i, '').replace(/\D/g, '').slice(-9);
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

/** Reads the demo iTop's persons and the callers of its open requests, then picks (two core/get requests). */
export async function loadDemoCallers(reader: ItopReader, dialable?: (number: string) => boolean): Promise<DemoCaller[]> {
  const [people, tickets] = await Promise.all([
    reader.get({ class: 'Person', key: 'SELECT Person', outputFields: ['friendlyname', 'phone', 'mobile_phone'] }),
    reader.get({ class: 'UserRequest', key: "SELECT UserRequest WHERE status != 'closed'", outputFields: ['caller_id'] }),
  ]);
  if (!people.ok) return [];
  const persons = people.value.objects.map((o) => ({
    id: o.id,
    name: String(o.fields['friendlyname'] ?? ''),
    numbers: [o.fields['phone'], o.fields['mobile_phone']].filter((n): n is string => typeof n === 'string' && n.trim() !== ''),
  }));
  const withTickets = new Set(tickets.ok ? tickets.value.objects.map((o) => String(o.fields['caller_id'] ?? '')) : []);
  return pickDemoCallers(persons, withTickets, dialable);
}
