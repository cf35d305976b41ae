import { DEFAULT_PHONE_OPTIONS, normalizeIncoming, type ExternalNumber } from '../../shared/phone';
import { ok } from '../../shared/result';
import { defaultSelectionFor } from '../../electron/core/app/switchboard';
import { createCallerLookup, EXTENSION_DEFAULT_CALLER_QUERY } from '../../electron/core/lookup/caller-lookup';
import { defaultSelection, selectedCallerIds } from '../../electron/core/lookup/chooser';
import { MAX_MATCHES_KEPT } from '../../electron/core/lookup/found-callers';
import { createPhoneIndexService } from '../../electron/core/lookup/index-service';
import type { GetRequest, ItopObject, ItopReader } from '../../electron/core/lookup/itop-reader';
import { DEFAULT_PHONE_ATTRIBUTES, toPersonRecord } from '../../electron/core/lookup/person-record';
import { digitsLikeOf, displayStoredNumber, keyStoredNumber } from '../../electron/core/lookup/phone-adapter';
import { createStoredRegions } from '../../electron/core/lookup/stored-region';
import { createRandom, pick } from '../itop-sim/seed/random';
import { BENCH_COUNTRIES, collidingNumber, generateDirectory, validNsn, type Directory } from './precision-directory';

/**
 * `npm run bench -- precision`: how often the caller panel names the wrong person. A generated directory
 * (precision-directory.ts) is indexed and looked up by the product's own code — index service, caller
 * lookup, switchboard rule and default selection — in process (this measures the matching rules, not the
 * REST path), against calls whose truth is known: numbers in the directory, numbers not in it, and numbers
 * that only share the last 8 digits with one of it (75 %, 20 %, 5 % of the calls; a real line sees far fewer
 * of the last kind: 143k stored numbers cover ~0.15 % of all 8-digit endings). A colliding call shows a wrong
 * person exactly when the number it collides with is stored uncertain: the rules then offer it as "probable:
 * check" (never selected), so that share is printed per kind of call.
 */
const PERSONS = Number(process.env.BENCH_PRECISION_PERSONS ?? 100_000);
const CALLS = Number(process.env.BENCH_PRECISION_CALLS ?? 10_000);
const SEED = Number(process.env.BENCH_PRECISION_SEED ?? 12);

/** iTop's core/get over the generated objects: `SELECT Person` paged, `SELECT Location`, nothing else. */
function readerOver(dir: Directory): ItopReader {
  return {
    get: (request: GetRequest) => {
      const all: readonly ItopObject[] = request.key === 'SELECT Person' ? dir.persons : request.key === 'SELECT Location' ? dir.locations : [];
      const limit = request.limit ?? all.length;
      const page = request.page ?? 1;
      return Promise.resolve(ok({ objects: all.slice((page - 1) * limit, page * limit), total: all.length }));
    },
  };
}

type Kind = 'in-directory' | 'not-in-directory' | 'colliding';
interface Call { readonly kind: Kind; readonly raw: string; readonly e164: string }

/** How a PBX delivers a number: mostly E.164, some national (home country) or 00-prefixed. */
function delivered(cc: string, nsn: string, trunk: string, home: boolean, random: () => number): string {
  const r = random();
  if (r < 0.8) return `+${cc}${nsn}`;
  return home && r < 0.95 ? `${trunk}${nsn}` : `00${cc}${nsn}`;
}

function makeCalls(dir: Directory, random: () => number): Call[] {
  const calls: Call[] = [];
  const byE164 = new Map(dir.own.map(([e164, c, nsn]) => [e164, { c, nsn }]));
  while (calls.length < CALLS) {
    const r = random();
    if (r < 0.75) {
      const onSwitchboard = random() < 0.05;
      const e164 = onSwitchboard ? pick(random, dir.switchboards) : pick(random, dir.own)[0];
      const country = BENCH_COUNTRIES.find((c) => e164.startsWith(`+${c.cc}`) && (byE164.get(e164)?.c ?? c) === c) ?? BENCH_COUNTRIES[0];
      if (!country) continue;
      const nsn = e164.slice(country.cc.length + 1);
      calls.push({ kind: 'in-directory', raw: delivered(country.cc, nsn, country.trunk, country.code === 'FR', random), e164 });
    } else if (r < 0.95) {
      const c = pick(random, BENCH_COUNTRIES);
      const nsn = validNsn(c, pick(random, [...c.areas, ...c.mobiles]), random);
      if (dir.holders.has(`+${c.cc}${nsn}`)) continue;
      calls.push({ kind: 'not-in-directory', raw: delivered(c.cc, nsn, c.trunk, c.code === 'FR', random), e164: `+${c.cc}${nsn}` });
    } else {
      const [, c, nsn] = pick(random, dir.own);
      const collided = collidingNumber(nsn, c, random, dir.holders);
      if (!collided) continue;
      const [target, other] = collided;
      calls.push({ kind: 'colliding', raw: delivered(target.cc, other, target.trunk, target.code === 'FR', random), e164: `+${target.cc}${other}` });
    }
  }
  return calls;
}

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(3)} %`);

export async function runPrecisionBench(): Promise<string[]> {
  const random = createRandom(SEED);
  const started = performance.now();
  const dir = generateDirectory(PERSONS, random);
  const reader = readerOver(dir);
  const phoneAttributes = [...DEFAULT_PHONE_ATTRIBUTES];
  const suffixDigits = DEFAULT_PHONE_OPTIONS.suffixDigits;
  const index = createPhoneIndexService({
    reader, keyStored: keyStoredNumber, defaultRegion: 'FR', orgRegions: {}, suffixDigits, phoneAttributes, displayAttributes: [],
    pageSize: 5000, refreshMinutes: 0, cycleHours: 24, now: () => performance.now(), describeFailure: (f) => f.message,
  });
  const built = await index.rebuild();
  if (!built.ok) throw new Error(built.error);
  const lookup = createCallerLookup({
    index, reader, query: EXTENSION_DEFAULT_CALLER_QUERY, displayAttributes: [], phoneAttributes, suffixDigits, keyStored: keyStoredNumber,
    displayStored: (raw, region) => displayStoredNumber(raw, region, 'FR'), digitsLike: digitsLikeOf, describeFailure: (f) => f.message,
  });

  const regions = createStoredRegions({ defaultRegion: 'FR', orgRegions: {}, locationRegions: dir.locationRegions });
  let stored = 0;
  let uncertain = 0;
  for (const object of dir.persons) {
    const person = toPersonRecord(object, phoneAttributes);
    for (const phone of person?.phones ?? []) {
      stored += 1;
      if (person && !keyStoredNumber(phone.raw, regions.regionOf(person), regions.regionKnown(person))?.certain) uncertain += 1;
    }
  }
  const indexed = performance.now();

  const calls = makeCalls(dir, random);
  const m = { selected: 0, selectedRight: 0, truthPairs: 0, truthConfirmed: 0, wrongShown: 0, wrongDefault: 0, nobodySelected: 0, sharedBeyondCap: 0 };
  const byKind = new Map<Kind, { calls: number; wrongShown: number }>();
  for (const call of calls) {
    const number = normalizeIncoming(call.raw, DEFAULT_PHONE_OPTIONS);
    if (number.kind !== 'external') throw new Error(`${call.raw} did not read as an external number`);
    const found = lookup.lookup({ raw: call.raw, number: number as ExternalNumber }).immediate;
    if (!found) throw new Error('no index');
    const truth = dir.holders.get(call.e164) ?? new Set<string>();
    const ids = selectedCallerIds(defaultSelectionFor(found, defaultSelection), found.matches);
    m.selected += ids.length;
    m.selectedRight += ids.filter((id) => truth.has(id)).length;
    if (ids.length === 0) m.nobodySelected += 1;
    if (ids.some((id) => !truth.has(id))) m.wrongDefault += 1;
    const shownWrong = found.matches.some((x) => !truth.has(x.personId));
    if (shownWrong) m.wrongShown += 1;
    const kind = byKind.get(call.kind) ?? { calls: 0, wrongShown: 0 };
    byKind.set(call.kind, { calls: kind.calls + 1, wrongShown: kind.wrongShown + (shownWrong ? 1 : 0) });
    // Recall over every holder the panel can list (a switchboard beyond the 50 kept views is counted apart).
    if (truth.size > MAX_MATCHES_KEPT) m.sharedBeyondCap += 1;
    else {
      m.truthPairs += truth.size;
      m.truthConfirmed += found.matches.filter((x) => x.confidence === 'confirmed' && truth.has(x.personId)).length;
    }
  }
  const done = performance.now();
  const mark = (ok: boolean) => (ok ? 'ok' : 'BELOW TARGET');
  const precision = m.selected === 0 ? 1 : m.selectedRight / m.selected;
  const recall = m.truthPairs === 0 ? 1 : m.truthConfirmed / m.truthPairs;
  return [
    `directory: ${dir.persons.length} persons in ${BENCH_COUNTRIES.length} countries (${BENCH_COUNTRIES.map((c) => c.code).join(' ')}), ${stored} stored numbers, ` +
      `${pct(uncertain, stored)} uncertain; traps: ${dir.counts.collisions} last-8-digit collisions (${pct(dir.counts.collisions, PERSONS)} of persons), ` +
      `${dir.counts.inactiveDuplicates} inactive duplicates, ${dir.switchboards.length} switchboards, ${dir.counts.strays} foreign persons without a Location`,
    `index: ${built.value.persons} persons, ${built.value.numbers} numbers, generated + built in ${Math.round(indexed - started)} ms`,
    `calls: ${calls.length} (${[...byKind].map(([k, v]) => `${k} ${v.calls}`).join(', ')}), looked up in ${Math.round(done - indexed)} ms; nobody selected on ${m.nobodySelected}, switchboards beyond ${MAX_MATCHES_KEPT} holders ${m.sharedBeyondCap}`,
    `precision of the default selection: ${pct(m.selectedRight, m.selected)} of ${m.selected} selected persons (target >= 99.9 %) ${mark(precision >= 0.999)}`,
    `recall of confirmed matches: ${pct(m.truthConfirmed, m.truthPairs)} of ${m.truthPairs} true holders (target >= 99.5 %) ${mark(recall >= 0.995)}`,
    `calls showing a wrong person at all: ${pct(m.wrongShown, calls.length)} (target <= 0.5 %) ${mark(m.wrongShown <= 0.005 * calls.length)}; ` +
      [...byKind].map(([k, v]) => `${k} ${pct(v.wrongShown, v.calls)}`).join(', '),
    `calls whose default selection includes a wrong person: ${pct(m.wrongDefault, calls.length)} (target <= 0.1 %) ${mark(m.wrongDefault <= 0.001 * calls.length)}`,
  ];
}
