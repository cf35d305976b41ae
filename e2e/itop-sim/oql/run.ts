import type { Env } from './compile-expr';
import type { Conjunct, JoinEdge, QueryPlan } from './compile-query';
import type { OqlDataSource, OqlRow, OqlSchema } from './ports';
import { isTrue, toNumber } from './values';

/**
 * Runs compiled queries over the data source. Aliases are bound one at a time starting from the most
 * selective one (an `id =` / `id IN` constraint, else the selected alias); each next alias is reached through
 * a join edge (an id lookup one way, a per-query reverse index the other), and every conjunct is tested as soon
 * as the aliases it reads are bound. A plain `SELECT Person WHERE …` is thus one scan; id lookups never scan.
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

  const rowsPointingTo = (cls: string, key: string, id: number): readonly OqlRow[] => {
    const name = `${cls}\u0000${key}`;
    let index = reverseIndexes.get(name);
    if (index === undefined) {
      index = new Map();
      for (const row of data.rowsOf(cls)) {
        const value = row.get(key);
        if (value === null) continue;
        const target = toNumber(value);
        index.set(target, [...(index.get(target) ?? []), row]);
      }
      reverseIndexes.set(name, index);
    }
    return index.get(id) ?? [];
  };

  const runPlan = (plan: QueryPlan, outer: Env): OqlRow[] => {
    const order = bindingOrder(plan);
    const env: Env = new Map(outer);
    const results = new Map<number, OqlRow>();
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
    const selectedIndex = order.findIndex((step) => step.alias === plan.selectedAlias);

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
      return data.rowsOf(step.cls);
    };

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

interface Step {
  readonly alias: string;
  readonly cls: string;
  readonly ids: readonly number[] | null;
  /** The edge to an already bound alias; forward = this alias is the edge's target (one id lookup). */
  readonly via: { readonly edge: JoinEdge; readonly forward: boolean } | null;
}

function bindingOrder(plan: QueryPlan): Step[] {
  const idsOf = (alias: string): readonly number[] | null => {
    const sets = plan.conjuncts.filter((c): c is Conjunct & { ids: NonNullable<Conjunct['ids']> } => c.ids?.alias === alias);
    return sets.length === 0 ? null : sets.reduce((best, c) => (c.ids.ids.length < best.length ? c.ids.ids : best), sets[0]?.ids.ids ?? []);
  };
  const constrained = plan.aliases.filter((a) => idsOf(a.alias) !== null).sort((a, b) => (idsOf(a.alias)?.length ?? 0) - (idsOf(b.alias)?.length ?? 0));
  const start = constrained[0] ?? plan.aliases.find((a) => a.alias === plan.selectedAlias) ?? plan.aliases[0];
  const steps: Step[] = [];
  const bound = new Set<string>();
  const add = (alias: string, cls: string, via: Step['via']) => {
    steps.push({ alias, cls, ids: idsOf(alias), via });
    bound.add(alias);
  };
  if (start !== undefined) add(start.alias, start.cls, null);
  while (steps.length < plan.aliases.length) {
    const next = plan.aliases
      .filter((a) => !bound.has(a.alias))
      .map((a) => {
        const forward = plan.edges.find((e) => e.target === a.alias && bound.has(e.holder));
        const backward = plan.edges.find((e) => e.holder === a.alias && bound.has(e.target));
        const via = forward ? { edge: forward, forward: true } : backward ? { edge: backward, forward: false } : null;
        return { a, via };
      })
      .sort((x, y) => rank(x.via) - rank(y.via))[0];
    if (next === undefined) break;
    add(next.a.alias, next.a.cls, next.via);
  }
  return steps;
}

const rank = (via: Step['via']): number => (via === null ? 2 : via.forward ? 0 : 1);

function edgeHolds(env: Env, edge: JoinEdge): boolean {
  const holder = env.get(edge.holder);
  const target = env.get(edge.target);
  return holder !== undefined && target !== undefined && toNumber(holder.get(edge.key) ?? 0) === target.id;
}
