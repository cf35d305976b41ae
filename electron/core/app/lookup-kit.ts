import { live } from './live';
import type { AppConfig } from '../../../shared/config/app-config';
import { localizedLabel, substituteLabel } from '../../../shared/config/localized-label';
import { DEFAULT_PHONE_OPTIONS, parsePhoneOptions, type PhoneOptions } from '../../../shared/phone';
import type { Timers } from '../shell/timers';
import { createItopClient, type ItopAuth, type ItopClient, type ItopRequestInfo } from '../itop';
import { listDefinitions } from '../lists/list-definitions';
import { createTicketLists, type TicketLists } from '../lists/ticket-lists';
import { createCallerLookup, type CallerLookup } from '../lookup/caller-lookup';
import { indexFilePath, sourceOf } from '../lookup/index-file';
import { createPhoneIndexService, type IndexStatus, type PhoneIndexService } from '../lookup/index-service';
import { getWithFieldFallback, readerFromClient, type ItopReader } from '../lookup/itop-reader';
import { DEFAULT_PHONE_ATTRIBUTES, personOutputFields, toPersonRecord } from '../lookup/person-record';
import { digitsLikeOf, displayStoredNumber, keyStoredNumber } from '../lookup/phone-adapter';

/** Everything between "a number" and "callers + their tickets", built from one configuration. */
export interface LookupKit {
  readonly client: ItopClient;
  readonly reader: ItopReader;
  readonly phone: PhoneOptions;
  readonly index: PhoneIndexService;
  readonly callers: CallerLookup;
  readonly lists: TicketLists;
  /** caller_information.label in the agent's language with `$phone$` filled in. */
  callersLabel(raw: string): string;
  /** Reads one Person again and puts it in the phone index now (created from a call, number added). */
  learnPerson(personId: string): Promise<void>;
}

export interface LookupKitDeps {
  readonly config: AppConfig;
  /** The agent's language for localized labels (`fr`, `de-CH`…). */
  readonly language: string;
  readonly now: () => number;
  /** Where the phone index is kept between starts (config.index.keepOnDisk); absent = memory only. */
  readonly dataDir?: string;
  /** The index refresh schedule's timers and random phase (the load-model bench runs them on a virtual clock). */
  readonly timers?: Timers;
  readonly random?: () => number;
  readonly fetch?: typeof fetch;
  readonly log?: (message: string) => void;
  readonly onIndexChange?: (status: IndexStatus) => void;
  readonly onRequest?: (info: ItopRequestInfo) => void;
}

export function itopAuthOf(itop: AppConfig['itop']): ItopAuth {
  return itop.auth === 'token'
    ? { kind: 'token', token: itop.token }
    : { kind: 'password', user: itop.user, password: itop.password, via: itop.basicAuth ? 'basic' : 'form' };
}

export function phoneOptionsOf(config: AppConfig, log?: (message: string) => void): PhoneOptions {
  const { defaultRegion, outsideLinePrefix, extensionPattern, pbxInternationalPrefixRegion, suffixDigits } = config.phone;
  const parsed = parsePhoneOptions({ defaultRegion, outsideLinePrefix, extensionPattern, pbxInternationalPrefixRegion, suffixDigits });
  if (parsed.ok) return parsed.value;
  log?.(`${parsed.error.message}; using the default phone options.`);
  return DEFAULT_PHONE_OPTIONS;
}

export function createLookupKit(deps: LookupKitDeps): LookupKit {
  const { config } = deps;
  const client = createItopClient({
    url: config.itop.url,
    auth: itopAuthOf(config.itop),
    version: config.itop.version,
    timeoutMs: config.itop.timeoutMs,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.onRequest ? { onRequest: deps.onRequest } : {}),
  });
  const reader = readerFromClient(client);
  const phone = phoneOptionsOf(config, deps.log);
  const phoneAttributes = [...new Set([...DEFAULT_PHONE_ATTRIBUTES, ...config.phone.extraAttributes])];
  const info = config.telephony.caller_information;
  const describeFailure = (f: { message: string }) => f.message;
  const index = createPhoneIndexService({
    reader,
    keyStored: keyStoredNumber,
    defaultRegion: phone.defaultRegion,
    orgRegions: config.phone.orgRegions,
    suffixDigits: phone.suffixDigits,
    phoneAttributes,
    displayAttributes: info.display_name,
    pageSize: config.index.pageSize,
    refreshMinutes: config.index.refreshMinutes,
    cycleHours: config.index.cycleHours,
    ...(deps.dataDir && config.index.keepOnDisk ? { store: indexStore(deps.dataDir, config.itop) } : {}),
    now: deps.now,
    ...(deps.timers ? { timers: deps.timers } : {}),
    ...(deps.random ? { random: deps.random } : {}),
    describeFailure,
    ...(deps.log ? { log: deps.log } : {}),
    ...(deps.onIndexChange ? { onChange: deps.onIndexChange } : {}),
  });
  const callers = createCallerLookup({
    index,
    reader,
    query: info.query,
    displayAttributes: info.display_name,
    phoneAttributes,
    suffixDigits: phone.suffixDigits,
    keyStored: keyStoredNumber,
    displayStored: (raw, region) => displayStoredNumber(raw, region, phone.defaultRegion),
    digitsLike: digitsLikeOf,
    describeFailure,
  });
  const lists = createTicketLists({
    reader,
    lists: listDefinitions(config.telephony.display_tickets.lists, deps.language),
    fields: config.lists.fields,
    limit: config.lists.maxRows,
    describeFailure,
    ...(deps.log ? { log: deps.log } : {}),
  });
  const label = localizedLabel(info, deps.language);
  const refusedOnLearn = new Set<string>();
  const learnPerson = async (personId: string): Promise<void> => {
    const outputFields = personOutputFields(phoneAttributes, info.display_name);
    const reply = await getWithFieldFallback(reader, { class: 'Person', key: personId, outputFields }, refusedOnLearn);
    const object = reply.ok ? reply.value.objects[0] : undefined;
    const person = object ? toPersonRecord(object, phoneAttributes) : undefined;
    if (person) index.learn(person);
    else deps.log?.(`Person ${personId} could not be read back for the phone index${reply.ok ? '' : `: ${describeFailure(reply.error)}`}; the next refresh will add it.`);
  };
  return { client, reader, phone, index, callers, lists, callersLabel: (raw) => substituteLabel(label, { phone: raw }), learnPerson };
}

/** The index file of this iTop URL + login (a token counts by a hash of it, never by its text). */
function indexStore(dataDir: string, itop: AppConfig['itop']): { path: string; source: ReturnType<typeof sourceOf> } {
  const source = sourceOf(itop.url, itop.auth === 'token' ? { token: itop.token } : { user: itop.user });
  return { path: indexFilePath(dataDir, source), source };
}

/** A kit that always reaches the current one's parts (parts built once are given this; settings rebuild the kit). */
export function liveLookupKit(current: () => LookupKit): LookupKit {
  return {
    client: live(() => current().client), reader: live(() => current().reader), phone: live(() => current().phone), index: live(() => current().index),
    callers: live(() => current().callers), lists: live(() => current().lists), callersLabel: (raw) => current().callersLabel(raw), learnPerson: (id) => current().learnPerson(id),
  };
}
