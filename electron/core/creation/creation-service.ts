import { createHash } from 'node:crypto';
import type { CreationEntry, TelephonyConfig } from '../../../shared/config';
import type { CreateOutcome, TicketPrefill } from '../../../shared/contract/writes';
import { fail, ok, type Result } from '../../../shared/result';
import { caseLogItem, type ItopClient } from '../itop';
import type { CallFacts, Journal } from '../journal';
import type { Outbox, OutboxEntry } from '../outbox';
import { creationNote, withCreationNote } from './creation-note';
import { buildItopCreationUrl, itopObjectLinks } from './creation-url';
import { enabledIndirect, firstEnabledDirect, isLogAttribute, resolvePreset } from './presets';

export interface CreationDeps {
  outbox: Outbox;
  client: ItopClient;
  journal: Journal;
  telephony: TelephonyConfig;
  /** iTop root or REST URL, for links. */
  itopUrl: string;
  timeZone: string;
  now: () => number;
  /** How long `create` waits for iTop before answering "queued". Default 8 s. */
  waitMs?: number;
  /** A Person was created or got a new number: the phone index must learn it now. */
  onPersonChanged?: (personId: string) => void;
}

export interface CreationService {
  /** The quick-create form for `className`: resolved presets (editable) and iTop's own prefilled form URL. */
  prefill(call: CallFacts, className: string): Promise<Result<TicketPrefill>>;
  /**
   * Creates through the outbox; for tickets, also logs the call (PhoneCall or private log) on the new ticket,
   * unless `logCall` is false (a dial not placed yet: the outbound journal logs it once it is over).
   */
  create(call: CallFacts, className: string, fields: Readonly<Record<string, string | number>>, options?: { readonly logCall?: boolean }): Promise<Result<CreateOutcome>>;
  /** Stores the call's number on an existing Person (`phone`, `mobile_phone`…). */
  addNumberToPerson(call: CallFacts, personId: number, attribute: string): Promise<Result<{ entryId: string }>>;
}

// Contact-like classes: creating one is not "a ticket created from the call", so no PhoneCall.
const NOT_TICKETS = new Set(['Person', 'Team', 'Organization', 'Contact', 'Location']);

/** True for a class a call can be logged on (not a contact-like class). */
export const isTicketClass = (className: string): boolean => !NOT_TICKETS.has(className);

export function createCreationService(deps: CreationDeps): CreationService {
  const waitMs = deps.waitMs ?? 8000;

  function entryFor(className: string): CreationEntry | undefined {
    const direct = firstEnabledDirect(deps.telephony);
    if (direct?.class === className) return direct.entry;
    return enabledIndirect(deps.telephony).find((c) => c.class === className)?.entry;
  }

  function watchPerson(entry: OutboxEntry): void {
    void deps.outbox.settled(entry.id).then((e) => {
      if (e?.state === 'done' && e.result) deps.onPersonChanged?.(String(e.result.id));
    });
  }

  function outcomeOf(entry: OutboxEntry | undefined, entryId: string): CreateOutcome {
    if (entry?.state === 'done' && entry.result) {
      const id = entry.result.id;
      const ref = typeof entry.result.fields.ref === 'string' && entry.result.fields.ref !== '' ? entry.result.fields.ref : String(entry.result.fields.friendlyname ?? `${entry.result.class} ${id}`);
      return { state: 'created', class: entry.result.class, id: String(id), ref, links: itopObjectLinks(deps.itopUrl, entry.result.class, id), entryId };
    }
    if (entry?.state === 'failed') return { state: 'refused', entryId, message: entry.lastError ?? 'iTop refused the creation.', issues: entry.issues ?? [] };
    return { state: 'queued', entryId, message: entry?.lastError ? `Not created yet: ${entry.lastError} It will be sent automatically.` : 'Queued: it will be created as soon as iTop answers.' };
  }

  return {
    async prefill(call, className) {
      const entry = entryFor(className);
      if (!entry) return fail('creation-not-enabled', `Creating a ${className} from a call is not enabled (telephony direct_creation / indirect_creation).`);
      const resolved = await resolvePreset(entry, { call, timeZone: deps.timeZone, now: deps.now() }, deps.client);
      const values = Object.fromEntries(resolved.fields.map((f) => [f.attribute, f.value]));
      return ok({
        class: className,
        fields: resolved.fields,
        problems: resolved.problems,
        itopUrl: buildItopCreationUrl(deps.itopUrl, className, values),
        ...(resolved.callerId ? { callerId: resolved.callerId } : {}),
      });
    },

    async create(call, className, fields, options) {
      const isTicket = !NOT_TICKETS.has(className);
      const itopFields: Record<string, unknown> = Object.fromEntries(
        Object.entries(fields).map(([code, value]) => [code, isLogAttribute(code) && typeof value === 'string' ? caseLogItem(value) : value]),
      );
      // A ticket's marker rides in an agent-only private-log entry about the call, never in the description.
      if (isTicket) itopFields.private_log = withCreationNote(itopFields.private_log, creationNote(call, deps.timeZone));
      const queued = await deps.outbox.enqueue({
        // A digest of the fields, not the fields: the outbox keeps keys short (300), a ticket's text is not.
        key: `call:${call.callId}:create:${className}:${createHash('sha256').update(JSON.stringify(fields)).digest('base64url')}`,
        label: `New ${className}${typeof fields.title === 'string' ? ` "${fields.title.slice(0, 80)}"` : ''} from the call of ${call.number.display}`,
        op: { kind: 'create', class: className, fields: itopFields, outputFields: ['id', 'friendlyname', ...(isTicket ? ['ref'] : [])], ...(isTicket ? { markLog: 'private_log' } : {}) },
      });
      if (!queued.ok) return queued;
      if (className === 'Person') watchPerson(queued.value);
      if (isTicket && options?.logCall !== false) {
        const logged = await deps.journal.logCall({
          call,
          ticket: { class: className, key: { $entry: queued.value.id } },
          wrapUp: '',
        });
        if (!logged.ok) return logged;
      }
      return ok(outcomeOf(await deps.outbox.settled(queued.value.id, waitMs), queued.value.id));
    },

    async addNumberToPerson(call, personId, attribute) {
      const number = call.number.e164 ?? call.number.raw;
      if (number === '') return fail('creation-no-number', 'This call has no number to store.');
      const queued = await deps.outbox.enqueue({
        key: `call:${call.callId}:person:${personId}:${attribute}`,
        label: `Number ${call.number.display} for person ${personId}`,
        op: { kind: 'update', class: 'Person', key: personId, fields: { [attribute]: number } },
      });
      if (!queued.ok) return queued;
      watchPerson(queued.value);
      return ok({ entryId: queued.value.id });
    },
  };
}
