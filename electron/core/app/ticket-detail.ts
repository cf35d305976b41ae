import { z } from 'zod';
import type { TicketDetail, TicketRef } from '../../../shared/contract/tickets';
import { err, ok, type Result } from '../../../shared/result';
import { getWithFieldFallback, type ItopReader } from '../lookup/itop-reader';

const DETAIL_FIELDS = [
  'ref', 'title', 'status', 'priority', 'caller_id', 'caller_id_friendlyname', 'org_name', 'agent_id_friendlyname',
  'team_id_friendlyname', 'start_date', 'last_update', 'description', 'public_log',
];

const CaseLog = z.object({
  entries: z.array(z.looseObject({ date: z.string().default(''), user_login: z.string().default(''), message: z.string().default('') })),
});

/** `<itop>/pages/UI.php?operation=details&class=X&id=N` and the `modify` form, from the configured root URL. */
export function ticketLinks(itopUrl: string, ref: TicketRef): { view: string; edit: string } {
  const root = itopUrl.replace(/\/webservices\/rest\.php.*$/, '').replace(/\/+$/, '');
  const q = (operation: string) => `${root}/pages/UI.php?operation=${operation}&class=${encodeURIComponent(ref.class)}&id=${encodeURIComponent(ref.id)}`;
  return { view: q('details'), edit: q('modify') };
}

/** One ticket for the ticket view. Problem/Change have no public_log or priority: refused fields are dropped. */
export function createTicketDetailReader(reader: ItopReader, itopUrl: () => string, describe: (m: string) => string) {
  const refusedByClass = new Map<string, Set<string>>();
  return async function getTicket(ref: TicketRef): Promise<Result<TicketDetail, string>> {
    let refused = refusedByClass.get(ref.class);
    if (!refused) refusedByClass.set(ref.class, (refused = new Set()));
    const reply = await getWithFieldFallback(reader, { class: ref.class, key: ref.id, outputFields: DETAIL_FIELDS }, refused);
    if (!reply.ok) return err(describe(reply.error.message));
    const object = reply.value.objects[0];
    if (!object) return err(`${ref.class} #${ref.id} does not exist in iTop (or you may not see it).`);
    const f = object.fields;
    const s = (code: string): string | undefined => {
      const v = f[code];
      return typeof v === 'string' && v !== '' && !(code === 'caller_id' && v === '0') ? v : undefined;
    };
    const log = CaseLog.safeParse(f['public_log']);
    const opt = <K extends string>(key: K, value: string | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, string>));
    return ok({
      id: object.id,
      class: object.class,
      ref: s('ref') ?? `${object.class}::${object.id}`,
      title: s('title') ?? '',
      status: s('status') ?? '',
      ...opt('priority', s('priority')),
      ...opt('caller', s('caller_id_friendlyname')),
      ...opt('callerId', s('caller_id')),
      ...opt('organization', s('org_name')),
      ...opt('agent', s('agent_id_friendlyname')),
      ...opt('team', s('team_id_friendlyname')),
      ...opt('startDate', s('start_date')),
      ...opt('lastUpdate', s('last_update')),
      description: s('description') ?? '',
      publicLog: log.success ? log.data.entries.map((e) => ({ date: e.date, author: e.user_login, message: e.message })) : [],
      links: ticketLinks(itopUrl(), { class: object.class, id: object.id }),
    });
  };
}
