import { bindOql, type OqlParam } from '../../../shared/oql/bind';
import { err, ok, type Result } from '../../../shared/result';
import type { ExternalNumber } from '../../../shared/phone/types';
import { selectedClass } from '../lists/oql-class';
import { toCallerMatch, type MatchInfo } from './caller-match';
import { keepLikeliest, type FoundCallers, type PersonHit } from './found-callers';
import { createHitRecheck } from './hit-recheck';
import type { PhoneIndexService } from './index-service';
import { getWithFieldFallback, type ItopReader, type ReadFailure } from './itop-reader';
import { personOutputFields, toPersonRecord, type PersonRecord } from './person-record';
import { judgeStored, receivedOf } from './match-rules';
import type { KeyStoredNumber } from './phone-index';

/** The extension's default caller query: it finds only numbers stored with exactly the received text. */
export const EXTENSION_DEFAULT_CALLER_QUERY = 'SELECT Person WHERE phone LIKE :phone OR mobile_phone LIKE :phone';

export interface CallerLookupDeps {
  readonly index: PhoneIndexService;
  readonly reader: ItopReader;
  readonly query: string;
  readonly displayAttributes: readonly string[];
  readonly phoneAttributes: readonly string[];
  readonly suffixDigits: number;
  readonly keyStored: KeyStoredNumber;
  readonly displayStored: (raw: string, region: string) => string;
  /** `:phone_digits_like` for a received number (digits interleaved with `%`). */
  readonly digitsLike: (raw: string, number: ExternalNumber) => string;
  readonly describeFailure: (failure: ReadFailure) => string;
}

export interface LookupInput {
  /** The number exactly as received (`:phone`, as the extension binds it). */
  readonly raw: string;
  readonly number: ExternalNumber;
  /** url_parameters values by Person attribute code (e.g. {email: …}), bound as `:email`. */
  readonly attributes?: Readonly<Record<string, string>>;
  /** The caller the agent chose last time for this number: kept among the matches even on a shared number. */
  readonly keepPersonId?: string;
}

export interface LookupOutcome {
  /** What the index knows right now (no network); undefined when no index has been built yet. */
  readonly immediate: FoundCallers | undefined;
  /** Present when iTop is asked too: the merged, verified matches. */
  readonly pending?: Promise<Result<FoundCallers, string>>;
  /**
   * Present when the index answered (`immediate` is final for display): the same matches after the call-time
   * check by id; never fails (when iTop cannot answer, the index's answer stands).
   */
  readonly recheck?: Promise<FoundCallers>;
  /** The OQL sent to iTop, for diagnostics (`cti lookup`). */
  readonly oql?: string;
}

const squash = (oql: string): string => oql.replace(/\s+/g, ' ').trim();

export interface CallerLookup {
  lookup(input: LookupInput): LookupOutcome;
  /** Placeholder values the caller query and the lists may use for this call. */
  placeholders(input: LookupInput): Record<string, OqlParam>;
}

export function createCallerLookup(deps: CallerLookupDeps): CallerLookup {
  const custom = squash(deps.query) !== squash(EXTENSION_DEFAULT_CALLER_QUERY);
  // With the extension's default query we ask iTop something that can actually match a differently
  // formatted number (digits with anything between them), then keep only what verifies locally.
  const fallbackQuery = `SELECT Person WHERE ${deps.phoneAttributes.map((a) => `${a} LIKE :phone_suffix_like`).join(' OR ')}`;
  const outputFields = personOutputFields(deps.phoneAttributes, deps.displayAttributes);
  const refused = new Set<string>();
  const recheck = createHitRecheck({ index: deps.index, reader: deps.reader, outputFields, phoneAttributes: deps.phoneAttributes, describeFailure: deps.describeFailure });

  const present = (hits: readonly PersonHit[], input: LookupInput): FoundCallers =>
    keepLikeliest(
      hits,
      ({ person, info }) => toCallerMatch(person, info, deps.displayAttributes, (raw) => deps.displayStored(raw, deps.index.regionOf(person))),
      input.keepPersonId,
    );

  const fromIndex = (number: ExternalNumber): PersonHit[] | undefined => {
    const index = deps.index.current();
    if (!index) return undefined;
    const received = receivedOf(number);
    // The index applies match-rules.ts: the other reading of an ambiguous number is probable at best.
    return index
      .find(number.e164, { uncertain: received.uncertain, ...(received.alternative ? { alternative: received.alternative } : {}) })
      .map((h) => ({ person: h.person, info: { confidence: h.confidence, reason: h.reason, attribute: h.attribute, raw: h.raw, certain: h.certain } }));
  };

  /** How a query hit's stored numbers relate to the received number, by the same rules as the index. */
  const verify = (person: PersonRecord, number: ExternalNumber): MatchInfo | undefined => {
    const region = deps.index.regionOf(person);
    const known = deps.index.regionKnown(person);
    const received = receivedOf(number);
    let best: MatchInfo | undefined;
    for (const phone of person.phones) {
      const keys = deps.keyStored(phone.raw, region, known);
      const verdict = keys ? judgeStored(keys, received, deps.suffixDigits) : undefined;
      if (!keys || !verdict) continue;
      const info: MatchInfo = { ...verdict, attribute: phone.attribute, raw: phone.raw, certain: keys.certain };
      if (verdict.confidence === 'confirmed') return info;
      best ??= info;
    }
    return best;
  };

  const placeholders = (input: LookupInput): Record<string, OqlParam> => {
    const suffix = input.number.nsn.slice(-deps.suffixDigits);
    return {
      ...(input.attributes ?? {}),
      phone: input.raw,
      phone_e164: input.number.e164,
      phone_national: input.number.national,
      phone_digits_like: { likeRaw: deps.digitsLike(input.raw, input.number) },
      phone_suffix_like: { likeRaw: `%${[...suffix].join('%')}%` },
    };
  };

  async function ask(oql: string, input: LookupInput, immediate: readonly PersonHit[]): Promise<Result<FoundCallers, string>> {
    const cls = selectedClass(oql) ?? 'Person';
    const reply = await getWithFieldFallback(deps.reader, { class: cls, key: oql, outputFields }, refused);
    if (!reply.ok) return err(`Caller query failed: ${deps.describeFailure(reply.error)}`);
    const merged = new Map(immediate.map((h) => [h.person.id, h]));
    for (const object of reply.value.objects) {
      const person = toPersonRecord(object, deps.phoneAttributes);
      if (!person) continue;
      const info = verify(person, input.number);
      if (info) deps.index.learn(person); // the index missed it (created since the last build): now it knows
      // A loose digits query proves nothing by itself; an admin's own query is trusted as a probable match.
      if (!info && !custom) continue;
      const known = merged.get(person.id);
      const hit: PersonHit = { person, info: info ?? { confidence: 'probable', reason: 'caller-query' } };
      if (!known || (known.info.confidence === 'probable' && hit.info.confidence === 'confirmed')) merged.set(person.id, hit);
    }
    return ok(present([...merged.values()], input));
  }

  return {
    placeholders,
    lookup(input) {
      const known = fromIndex(input.number);
      const immediate = known ? present(known, input) : undefined;
      const needQuery = custom || known === undefined || known.length === 0;
      if (!needQuery && known && immediate) {
        // The index answered: the name shows now; the matched Persons are re-read beside the lists. If iTop
        // cannot answer, the index's answer stands (the status bar says the index may be out of date).
        const checked = recheck(known, input.keepPersonId).then((r) => (r.ok ? present(fromIndex(input.number) ?? [], input) : immediate));
        return { immediate, recheck: checked };
      }
      const bound = bindOql(custom ? deps.query : fallbackQuery, placeholders(input));
      if (!bound.ok) return { immediate, pending: Promise.resolve(err(`Caller query cannot be built: ${bound.error.message}`)) };
      return { immediate, pending: ask(bound.value, input, known ?? []), oql: bound.value };
    },
  };
}
