import { err, ok, type Result } from '../../../shared/result';
import { regionOfCountry } from './country-region';
import { getWithFieldFallback, type ItopReader, type ReadFailure } from './itop-reader';
import { toPersonRecord, type PersonRecord } from './person-record';

export interface FetchPersonsOptions {
  readonly pageSize: number;
  /** Pages requested at once: iTop has no rate limit, but each call boots PHP; a few at a time is polite. */
  readonly concurrency: number;
  readonly outputFields: readonly string[];
  readonly phoneAttributes: readonly string[];
  /** Output fields iTop refused earlier (kept across rebuilds so they cost one request once). */
  readonly refusedFields: Set<string>;
}

/**
 * Every Person (active AND inactive: iTop returns obsolete objects by default), by paged `core/get`.
 * Page 1 tells the total ("Found: N"); the other pages then run with limited concurrency.
 */
export async function fetchAllPersons(reader: ItopReader, options: FetchPersonsOptions): Promise<Result<PersonRecord[], ReadFailure>> {
  const { pageSize, concurrency, outputFields, phoneAttributes, refusedFields } = options;
  const required = new Set(['id']);
  const readOnce = (page: number) =>
    getWithFieldFallback(reader, { class: 'Person', key: 'SELECT Person', outputFields, limit: pageSize, page }, refusedFields, required);
  // A read is idempotent: one retry absorbs a kept-alive connection the server closed under us (ECONNRESET).
  const readPage = async (page: number) => {
    const first = await readOnce(page);
    return !first.ok && first.error.kind === 'unreachable' ? readOnce(page) : first;
  };

  const first = await readPage(1);
  if (!first.ok) return first;
  const pages = Math.max(1, Math.ceil(first.value.total / pageSize));
  const byId = new Map<string, PersonRecord>();
  const keep = (objects: readonly { class: string; id: string; fields: Readonly<Record<string, unknown>> }[]): void => {
    for (const object of objects) {
      const record = toPersonRecord(object, phoneAttributes);
      // Equal friendlynames may swap between pages (itop-rest.md §7): de-duplicate by id.
      if (record) byId.set(record.id, record);
    }
  };
  keep(first.value.objects);

  let next = 2;
  let failure: ReadFailure | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next <= pages) {
      const page = next;
      next += 1;
      const reply = await readPage(page);
      if (reply.ok) keep(reply.value.objects);
      else failure ??= reply.error;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, pages - 1)) }, worker));
  return failure ? err(failure) : ok([...byId.values()]);
}

/**
 * Location id → ISO region, read once per build (`SELECT Location` with id, country). A failure here is not
 * fatal: stored numbers then fall back to the organization or default region, and the caller logs why.
 */
export async function fetchLocationRegions(reader: ItopReader): Promise<Result<Map<string, string>, ReadFailure>> {
  const reply = await reader.get({ class: 'Location', key: 'SELECT Location', outputFields: ['id', 'country'] });
  if (!reply.ok) return reply;
  const regions = new Map<string, string>();
  for (const object of reply.value.objects) {
    const country = object.fields['country'];
    const region = typeof country === 'string' ? regionOfCountry(country) : undefined;
    if (region) regions.set(object.id, region);
  }
  return ok(regions);
}
