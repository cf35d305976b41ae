import type { Env } from './compile-expr';
import type { Conjunct, QueryPlan } from './compile-query';
import { bindingOrder, edgeHolds, type Step } from './plan-order';
import type { OqlDataSource, OqlRow, OqlSchema } from './ports';
import { isTrue, toNumber } from './values';

/**
 * Runs compiled queries over the data source. Aliases are bound one at a time starting from the most
 * selective one (an `id =` / `id IN` constraint, else an external key `= n` / `IN (…)`, else the selected
 * alias); each next alias is reached through a join edge (an id lookup one way, the data source's key index or
 * a per-query reverse index the other), and every conjunct is tested as soon as the aliases it reads are bound.
 * A plain `SELECT Person WHERE …` is thus one scan; id and key lookups never scan when the source indexes them.
 */
export function createRunner(schema: OqlSchema, data: OqlDataSource) {
  const byIdIndexes = new Map<string, Map<number, OqlRow>>();
  const reverseIndexes = new Map<string, Map<number, OqlRow[]>>();

  const rowById = (cls: string, id: number): OqlRow | undefined => {
    if (data.rowById) return data.rowById(cls, id);
    let index = byIdIndexes.get(cls);
    if (index === undefined) {
      index = new Map([...data.rowsOf(cls)].map((row) => [row.id, row]));
      byIdIndexes.set(cls, index);
    }
    return index.get(id);
  };

  // An alias no edge reaches is scanned for every row of the aliases before it: read the class once.
  const materialized = new Map<string, readonly OqlRow[]>();
  const allRowsOf = (cls: string): readonly OqlRow[] => {
    let rows = materialized.get(cls);
    if (rows === undefined) {
      rows = [...data.rowsOf(cls)];
      materialized.set(cls, rows);
    }
    return rows;
  };

  const rowsPointingTo = (cls: string, key: string, id: number): Iterable<OqlRow> => {
    if (data.rowsByKey) return data.rowsByKey(cls, key, id);
    const name = `${cls}\u0000${key}`;
    let index = reverseIndexes.get(name);
    if (index === undefined) {
      index = new Map();
      for (const row of data.rowsOf(cls)) {
        const value = row.get(key);
        if (value === null) continue;
        const target = toNumber(value);
        const bucket = index.get(target);
        if (bucket === undefined) index.set(target, [row]);
        else bucket.push(row);
      }
      reverseIndexes.set(name, index);
    }
    return index.get(id) ?? [];
  };

  const runPlan = (plan: QueryPlan, outer: Env): OqlRow[] => {
    const order = bindingOrder(plan);
    const env: Env = new Map(outer);
    const placed = new Set<string>();
    // Each conjunct and edge is tested at the first step where all its aliases are bound.
    const checksAt = order.map((step) => {
      placed.add(step.alias);
      return {
        conjuncts: plan.conjuncts.filter((c) => c.refs.has(step.alias) && [...c.refs].every((a) => placed.has(a))),
        edges: plan.edges.filter((e) => (e.holder === step.alias || e.target === step.alias) && placed.has(e.holder) && placed.has(e.target)),
      };
    });
    const global = plan.conjuncts.filter((c) => c.refs.size === 0);
    if (!global.every((c) => isTrue(c.fn(env)))) return [];

    const candidates = (step: Step): Iterable<OqlRow> => {
      const via = step.via;
      if (via !== null && via.forward) {
        const holder = env.get(via.edge.holder);
        const row = holder === undefined ? undefined : rowById(step.cls, toNumber(holder.get(via.edge.key) ?? 0));
        return row === undefined ? [] : [row];
      }
      if (step.ids !== null) return step.ids.flatMap((id) => rowById(step.cls, id) ?? []);
      if (via !== null) {
        const target = env.get(via.edge.target);
        return target === undefined ? [] : rowsPointingTo(step.cls, via.edge.key, target.id);
      }
      const keys = step.keys;
      if (keys !== null) return keys.ids.flatMap((id) => [...rowsPointingTo(step.cls, keys.code, id)]);
      return step === order[0] ? data.rowsOf(step.cls) : allRowsOf(step.cls);
    };

    const [first] = order;
    if (order.length === 1 && first !== undefined && first.alias === plan.selectedAlias) return filterOne(first, candidates(first), checksAt[0]?.conjuncts ?? [], env);

    const results = new Map<number, OqlRow>();
    const selectedIndex = order.findIndex((step) => step.alias === plan.selectedAlias);
    const search = (i: number): boolean => {
      const step = order[i];
      if (step === undefined) {
        const row = env.get(plan.selectedAlias);
        if (row !== undefined) results.set(row.id, row);
        return true;
      }
      const checks = checksAt[i] ?? { conjuncts: [], edges: [] };
      let found = false;
      for (const row of candidates(step)) {
        env.set(step.alias, row);
        if (!checks.edges.every((e) => edgeHolds(env, e)) || !checks.conjuncts.every((c) => isTrue(c.fn(env)))) continue;
        if (search(i + 1)) {
          found = true;
          // The selected row is already bound and qualifies: its other combinations add nothing.
          if (selectedIndex < i) break;
        }
      }
      env.delete(step.alias);
      return found;
    };
    search(0);
    return [...results.values()];
  };

  /** Rows of every plan (UNION members), each object once. */
  return (plans: readonly QueryPlan[], outer: Env): OqlRow[] => {
    if (plans.length === 1 && plans[0] !== undefined) return runPlan(plans[0], outer);
    const all = new Map<string, OqlRow>();
    for (const plan of plans) for (const row of runPlan(plan, outer)) all.set(`${row.finalClass}::${row.id}`, row);
    return [...all.values()];
  };
}

/**
 * A query over one alias (no join, so no edge): the common `SELECT Person WHERE …` scan, kept to a plain loop.
 * Its candidates are distinct objects (a class scan, distinct ids, or disjoint key buckets), so no dedupe.
 */
function filterOne(step: Step, rows: Iterable<OqlRow>, conjuncts: readonly Conjunct[], env: Env): OqlRow[] {
  const fns = conjuncts.map((c) => c.fn);
  const out: OqlRow[] = [];
  for (const row of rows) {
    env.set(step.alias, row);
    let kept = true;
    for (const fn of fns) {
      if (!isTrue(fn(env))) {
        kept = false;
        break;
      }
    }
    if (kept) out.push(row);
  }
  env.delete(step.alias);
  return out;
}
