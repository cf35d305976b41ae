import type { ItopObject } from '../../electron/core/lookup/itop-reader';
import { keyStoredNumber } from '../../electron/core/lookup/phone-adapter';
import { COUNTRIES, MORE_COUNTRIES, formatNsn, withExtension, type Country } from '../itop-sim/seed/phone-formats';
import { pick } from '../itop-sim/seed/random';

/**
 * The precision bench's directory: Persons across nine countries written in the simulator's messy formats
 * (phone-formats.ts), with deliberate traps, and the truth — which Persons really hold each E.164 — kept
 * apart from anything the lookup computes. Traps: last-8-digit collisions across and within countries,
 * inactive duplicates, organization switchboards, and uncertain stored numbers (national numbers of
 * organizations without a Location, read with the default region FR; a few foreign "strays" without one).
 */

export const BENCH_COUNTRIES: readonly Country[] = [...Object.values(COUNTRIES), ...Object.values(MORE_COUNTRIES)];
const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  FR: 'France', DE: 'Germany', GB: 'United Kingdom', US: 'United States', CH: 'Switzerland', BE: 'Belgium', NL: 'Netherlands', SE: 'Sweden', IE: 'Ireland',
};
const FIRST = ['Alex', 'Sam', 'Kim', 'Noa', 'Eli', 'Jo', 'Lou', 'Max', 'Ida', 'Tom'];
const LAST = ['Martin', 'Müller', 'Smith', 'Janssens', 'de Vries', 'Andersson', 'Murphy', 'Rossi', 'Meier', 'Brown'];

export interface Directory {
  readonly persons: ItopObject[];
  readonly locations: ItopObject[];
  /** Location id → ISO region, what the index derives from the Locations' country names. */
  readonly locationRegions: Map<string, string>;
  /** E.164 → ids of the Persons (active or inactive) that really hold it. */
  readonly holders: Map<string, Set<string>>;
  /** Own numbers (not switchboards) as [E.164, country, NSN], to call and to collide with. */
  readonly own: [string, Country, string][];
  readonly switchboards: string[];
  readonly counts: { collisions: number; inactiveDuplicates: number; strays: number };
}

const e164Of = (c: Country, nsn: string): string => `+${c.cc}${nsn}`;

/** A valid NSN (as a known-region reading sees it) with the prefix, its subscriber part from `random`. */
export function validNsn(c: Country, prefix: string, random: () => number): string {
  for (;;) {
    const length = c.subscriberDigits(prefix);
    const sub = String(2 + Math.floor(random() * 8)) + Array.from({ length: length - 1 }, () => Math.floor(random() * 10)).join('');
    const nsn = prefix + sub;
    if (keyStoredNumber(e164Of(c, nsn), c.code, true)?.certain) return nsn;
  }
}

/** Prefixes after which exactly 8 digits end the NSN: any last-8 digits can be given a number there. */
const COLLIDABLE: readonly [Country, string][] = BENCH_COUNTRIES.flatMap((c) =>
  [...c.areas, ...c.mobiles].filter((p) => c.subscriberDigits(p) === 8).map((p): [Country, string] => [c, p]),
);

/**
 * A valid number, not `avoid`, that ends with the same 8 digits as `nsn`: in the same country with another
 * first digit, or in another country. Undefined when no plan can hold those digits validly.
 */
export function collidingNumber(nsn: string, c: Country, random: () => number, avoid: { has(e164: string): boolean }): [Country, string, string] | undefined {
  const tail = nsn.slice(-8);
  for (let attempt = 0; attempt < 6; attempt++) {
    const [target, prefix] = pick(random, COLLIDABLE);
    const candidate = prefix + tail;
    const e164 = e164Of(target, candidate);
    if (candidate === nsn && target === c) continue;
    if (!avoid.has(e164) && keyStoredNumber(e164, target.code, true)?.certain) return [target, candidate, prefix];
  }
  return undefined;
}

export function generateDirectory(size: number, random: () => number): Directory {
  const persons: ItopObject[] = [];
  const locations: ItopObject[] = [];
  const locationRegions = new Map<string, string>();
  const holders = new Map<string, Set<string>>();
  const own: Directory['own'] = [];
  const counts = { collisions: 0, inactiveDuplicates: 0, strays: 0 };
  const hold = (e164: string, id: string): void => {
    const set = holders.get(e164) ?? new Set<string>();
    set.add(id);
    holders.set(e164, set);
  };
  // Six organizations per country; a third of the home country's have no Location (their numbers are uncertain).
  const orgs = BENCH_COUNTRIES.flatMap((c) =>
    Array.from({ length: 6 }, (_, k) => {
      const located = c.code !== 'FR' || k >= 2;
      const orgId = String(BENCH_COUNTRIES.indexOf(c) * 6 + k + 1);
      if (located) locations.push({ class: 'Location', id: orgId, fields: { id: orgId, country: COUNTRY_NAMES[c.code] ?? c.code } });
      if (located) locationRegions.set(orgId, c.code);
      const area = c.areas[0] ?? '';
      return { id: orgId, name: `${c.code} Org ${k}`, country: c, location: located ? orgId : '', switchboard: validNsn(c, area, random) };
    }),
  );
  const homeWeight = 0.3;
  let next = 1;
  for (let i = 0; i < size; i++) {
    const home = random() < homeWeight;
    const candidates = orgs.filter((o) => (o.country.code === 'FR') === home);
    const org = pick(random, candidates);
    const c = org.country;
    const id = String(next++);
    const stray = c.code !== 'FR' && random() < 0.002;
    if (stray) counts.strays += 1;
    const fields: Record<string, unknown> = {
      id, friendlyname: `${pick(random, FIRST)} ${pick(random, LAST)} ${i}`, org_id: org.id, org_name: org.name,
      location_id: stray ? '' : org.location, location_name: '', email: '', status: 'active', phone: '', mobile_phone: '',
    };
    const numbers: [string, string][] = [];
    const roll = random();
    const onSwitchboard = roll < 0.1;
    if (onSwitchboard) {
      fields['phone'] = formatNsn(c, org.switchboard, c.areas[0] ?? '', random);
      hold(e164Of(c, org.switchboard), id);
    } else if (roll < 0.9) {
      let prefix = pick(random, c.areas);
      let nsn = validNsn(c, prefix, random);
      let country = c;
      // Deliberate trap: a number ending with the same 8 digits as someone else's, in another country or
      // with another first digit.
      const donor = own.length > 0 && random() < 0.013 ? pick(random, own) : undefined;
      const collided = donor ? collidingNumber(donor[2], donor[1], random, holders) : undefined;
      if (collided) [country, nsn, prefix] = collided;
      if (collided) counts.collisions += 1;
      // A number of another country than the organization's is written internationally, as people do.
      const text = country === c ? formatNsn(country, nsn, prefix, random) : `+${country.cc} ${country.group(nsn, prefix)}`;
      // German extensions ("-12") are digits of the number itself (Durchwahl): the truth would be another E.164.
      fields['phone'] = roll < 0.2 && country.extensionWord !== '-' ? withExtension(country, text, 10 + Math.floor(random() * 900)) : text;
      numbers.push([e164Of(country, nsn), nsn]);
      own.push([e164Of(country, nsn), country, nsn]);
    }
    if (random() < 0.5) {
      const prefix = pick(random, c.mobiles);
      const nsn = validNsn(c, prefix, random);
      fields['mobile_phone'] = formatNsn(c, nsn, prefix, random);
      numbers.push([e164Of(c, nsn), nsn]);
      own.push([e164Of(c, nsn), c, nsn]);
    }
    for (const [e164] of numbers) hold(e164, id);
    persons.push({ class: 'Person', id, fields });
    if (random() < 0.02) {
      // The same human's old record, left inactive: it holds the same numbers.
      const dup = String(next++);
      persons.push({ class: 'Person', id: dup, fields: { ...fields, id: dup, status: 'inactive' } });
      for (const [e164] of numbers) hold(e164, dup);
      if (onSwitchboard) hold(e164Of(c, org.switchboard), dup);
      counts.inactiveDuplicates += 1;
    }
  }
  return { persons, locations, locationRegions, holders, own, switchboards: orgs.map((o) => e164Of(o.country, o.switchboard)), counts };
}
