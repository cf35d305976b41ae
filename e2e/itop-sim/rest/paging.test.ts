/** Work counted, never timed: large result sets are ordered from cached class ranks and paged from one evaluation. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../app';
import { parseSimArgs } from '../cli-args';
import type { StoredObject } from '../model/types';
import type { Store } from '../store/store';
import type { CallContext, SimContext } from './context';
import { createDefaultOrder } from './default-order';
import { foldCase } from './fold';
import { coreGet } from './ops/get';
import { sortByDefaultOrder } from './order';
import { createSortedQueries } from './sorted-queries';

function simContext(persons: number): SimContext {
  const args = parseSimArgs(['--persons', String(persons), '--port', '0']);
  if (!args.ok) throw new Error(args.error.message);
  return createSimulator(args.value).context;
}

/** The order as first written: fold, compare code units, ties by id. */
function referenceOrder(ctx: SimContext, cls: string, objects: readonly StoredObject[]): number[] {
  const { code, ascending } = ctx.schema.order(cls);
  const keyed = objects.map((obj) => ({ obj, key: foldCase(String(ctx.reader.oql(obj, code) ?? '')) }));
  keyed.sort((a, b) => {
    const c = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    return (ascending ? c : -c) || a.obj.id - b.obj.id;
  });
  return keyed.map((k) => k.obj.id);
}

/** The real store, counting full scans. */
function countingScans(store: Store): { store: Store; scans: () => number } {
  let scans = 0;
  const counted: Store = { ...store, rowsOf: (cls) => { scans += 1; return store.rowsOf(cls); } };
  return { store: counted, scans: () => scans };
}

describe('default order', () => {
  const ctx = simContext(3000);

  it('is the reference order for persons (accents, repeated names) and tickets (ref descending)', () => {
    for (const cls of ['Person', 'Contact', 'Ticket', 'UserRequest', 'Organization']) {
      const all = [...ctx.store.rowsOf(cls)];
      expect(sortByDefaultOrder(ctx, cls, all).map((o) => o.id)).toEqual(referenceOrder(ctx, cls, all));
    }
  });

  it('orders any subset from class ranks computed once per data version', () => {
    const { store, scans } = countingScans(ctx.store);
    const order = createDefaultOrder({ schema: ctx.schema, store, reader: ctx.reader, rankedFrom: 1 });
    const persons = [...ctx.store.rowsOf('Person')];
    fc.assert(fc.property(fc.subarray(persons), (subset) => {
      expect(order.sort('Person', subset).map((o) => o.id)).toEqual(referenceOrder(ctx, 'Person', subset));
    }), { numRuns: 40 });
    expect(scans()).toBe(1);
    // A Person renamed: its rank changes, so the ranks are computed again (once).
    const first = persons[0] as StoredObject;
    const renamed = ctx.store.replace(first, { ...first.values, name: 'Aaaa', first_name: 'Aaaa' });
    const now = [...ctx.store.rowsOf('Person')];
    expect(order.sort('Person', now).map((o) => o.id)).toEqual(referenceOrder(ctx, 'Person', now));
    expect(order.sort('Person', now)[0]).toBe(renamed);
    expect(scans()).toBe(2);
    // A ticket written elsewhere leaves the persons' ranks valid.
    ctx.store.insert('UserRequest', { title: 'x', caller_id: first.id, org_id: 1, status: 'new', ref: 'R-999999' });
    order.sort('Person', now);
    expect(scans()).toBe(2);
  });
});

describe('core/get paging', () => {
  it('evaluates and sorts SELECT Person once for all its pages, again only after a write or for another user', () => {
    const ctx = simContext(2000);
    let runs = 0;
    const oql = { run: (text: string, call: CallContext) => { runs += 1; return ctx.oql.run(text, call); } };
    const counted: SimContext = { ...ctx, oql, sortedQueries: createSortedQueries({ store: ctx.store, sort: (cls, objects) => ctx.order.sort(cls, objects) }) };
    const cti = ctx.accounts.byLogin('cti');
    if (!cti) throw new Error('no cti account');
    const call: CallContext = { ...counted, account: cti, user: ctx.store.get('User', cti.userId) };
    const page = (n: number, as = call): string[] => {
      const reply = coreGet(as, { class: 'Person', key: 'SELECT Person', output_fields: 'id,name', limit: 500, page: n });
      return Object.keys((reply.objects ?? {}) as Record<string, unknown>);
    };
    const total = ctx.store.countOf('Person');
    const pages = Array.from({ length: Math.ceil(total / 500) }, (_, i) => page(i + 1));
    expect(runs).toBe(1);
    expect(pages.flat()).toEqual(referenceOrder(ctx, 'Person', [...ctx.store.rowsOf('Person')]).map((id) => `Person::${id}`));
    ctx.store.insert('Person', { name: 'Zz New', first_name: 'Zz', org_id: 1, status: 'active' });
    expect(page(1)).toHaveLength(500);
    expect(runs).toBe(2);
    const admin = ctx.accounts.byLogin('ctiadmin');
    if (!admin) throw new Error('no ctiadmin account');
    page(1, { ...call, account: admin, user: ctx.store.get('User', admin.userId) });
    expect(runs).toBe(3);
  });
});
