/**
 * iTop's default result order (MetaModel::GetOrderByDefault): friendlyname ascending unless the
 * class declares one (tickets: ref descending); ties by id. MySQL compares under utf8mb4_unicode_ci:
 * folding case and accents, then comparing code units, gives the same order on names like the
 * recorded ones ("Jean Ferrat" < "Jean-Jacques", "Léa" < "Lena") and is fast enough for 100k rows.
 */
import type { StoredObject } from '../model/types';
import type { SimContext } from './context';
import { foldCase } from './fold';

export function sortByDefaultOrder(ctx: SimContext, cls: string, objects: readonly StoredObject[]): StoredObject[] {
  const { code, ascending } = ctx.schema.order(cls);
  const keyed = objects.map((obj) => ({ obj, key: foldCase(String(ctx.reader.oql(obj, code) ?? '')) }));
  keyed.sort((a, b) => {
    const c = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    return (ascending ? c : -c) || a.obj.id - b.obj.id;
  });
  return keyed.map((k) => k.obj);
}
