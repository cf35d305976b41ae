/**
 * iTop's default result order (MetaModel::GetOrderByDefault): friendlyname ascending unless the
 * class declares one (tickets: ref descending); ties by id. MySQL compares under utf8mb4_unicode_ci:
 * folding case and accents, then comparing code units, gives the same order on names like the
 * recorded ones ("Jean Ferrat" < "Jean-Jacques", "Léa" < "Lena") and is fast enough for 100k rows.
 */
import type { StoredObject } from '../model/types';
import type { SimContext } from './context';
import { foldCase } from './fold';

// Ids and distinct-key ranks packed into one exactly representable double: rank * 2^32 + id.
const ID_SPACE = 2 ** 32;
const MAX_PACKED_RANKS = 2 ** 20;

export function sortByDefaultOrder(ctx: Pick<SimContext, 'schema' | 'reader'>, cls: string, objects: readonly StoredObject[]): StoredObject[] {
  const { code, ascending } = ctx.schema.order(cls);
  // Names repeat a lot (and folding accents is the slow part): fold each distinct value once.
  const folded = new Map<string, string>();
  const keyOf = (obj: StoredObject): string => {
    const raw = String(ctx.reader.oql(obj, code) ?? '');
    let key = folded.get(raw);
    if (key === undefined) {
      key = foldCase(raw);
      folded.set(raw, key);
    }
    return key;
  };
  const keys = objects.map(keyOf);
  return sortPacked(objects, keys, ascending) ?? sortCompared(objects, keys, ascending);
}

/**
 * The same order as sortCompared, as a numeric sort: distinct keys are ranked once (few of them), then
 * (rank, id) pairs sort natively. Undefined when ids repeat or do not fit, then the comparator sort runs.
 */
function sortPacked(objects: readonly StoredObject[], keys: readonly string[], ascending: boolean): StoredObject[] | undefined {
  const distinct = [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (distinct.length >= MAX_PACKED_RANKS) return undefined;
  const rankOf = new Map(distinct.map((key, i) => [key, ascending ? i : distinct.length - 1 - i]));
  const byId = new Map<number, StoredObject>();
  const packed = new Float64Array(objects.length);
  for (let i = 0; i < objects.length; i += 1) {
    const obj = objects[i] as StoredObject;
    if (!Number.isInteger(obj.id) || obj.id < 0 || obj.id >= ID_SPACE || byId.has(obj.id)) return undefined;
    byId.set(obj.id, obj);
    packed[i] = (rankOf.get(keys[i] as string) ?? 0) * ID_SPACE + obj.id;
  }
  packed.sort();
  return Array.from(packed, (p) => byId.get(p % ID_SPACE) as StoredObject);
}

function sortCompared(objects: readonly StoredObject[], keys: readonly string[], ascending: boolean): StoredObject[] {
  const keyed = objects.map((obj, i) => ({ obj, key: keys[i] as string }));
  keyed.sort((a, b) => {
    const c = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    return (ascending ? c : -c) || a.obj.id - b.obj.id;
  });
  return keyed.map((k) => k.obj);
}
