import type { Env } from './compile-expr';
import type { Conjunct, JoinEdge, QueryPlan } from './compile-query';
import { toNumber } from './values';

/**
 * The order in which the runner binds a query's aliases: the cheapest start (ids, then external key values,
 * else the selected alias), then each alias reachable through a join edge, forward lookups first.
 */
export interface Step {
  readonly alias: string;
  readonly cls: string;
  readonly ids: readonly number[] | null;
  /** The key constraint with the fewest values, used when neither an edge nor ids lead to the rows. */
  readonly keys: { readonly code: string; readonly ids: readonly number[] } | null;
  /** The edge to an already bound alias; forward = this alias is the edge's target (one id lookup). */
  readonly via: { readonly edge: JoinEdge; readonly forward: boolean } | null;
}

export function bindingOrder(plan: QueryPlan): Step[] {
  const idsOf = (alias: string): readonly number[] | null => {
    const sets = plan.conjuncts.filter((c): c is Conjunct & { ids: NonNullable<Conjunct['ids']> } => c.ids?.alias === alias);
    return sets.length === 0 ? null : sets.reduce((best, c) => (c.ids.ids.length < best.length ? c.ids.ids : best), sets[0]?.ids.ids ?? []);
  };
  const keysOf = (alias: string): Step['keys'] => {
    const sets = plan.conjuncts.flatMap((c) => (c.keys?.alias === alias ? [c.keys] : []));
    return sets.reduce<Step['keys']>((best, k) => (best === null || k.ids.length < best.ids.length ? { code: k.code, ids: k.ids } : best), null);
  };
  // Cheapest start first: ids give at most one row each, key values a few rows each, anything else a scan.
  const cost = (alias: string): number => {
    const ids = idsOf(alias);
    if (ids !== null) return ids.length;
    const keys = keysOf(alias);
    return keys !== null ? 1e6 + keys.ids.length : Infinity;
  };
  const constrained = plan.aliases.filter((a) => cost(a.alias) !== Infinity).sort((a, b) => cost(a.alias) - cost(b.alias));
  const start = constrained[0] ?? plan.aliases.find((a) => a.alias === plan.selectedAlias) ?? plan.aliases[0];
  const steps: Step[] = [];
  const bound = new Set<string>();
  const add = (alias: string, cls: string, via: Step['via']) => {
    steps.push({ alias, cls, ids: idsOf(alias), keys: keysOf(alias), via });
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

export function edgeHolds(env: Env, edge: JoinEdge): boolean {
  const holder = env.get(edge.holder);
  const target = env.get(edge.target);
  return holder !== undefined && target !== undefined && toNumber(holder.get(edge.key) ?? 0) === target.id;
}
