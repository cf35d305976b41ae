import type { OqlExpr, OqlField, OqlObjectQuery, OqlQuery } from '../../../shared/oql/ast';
import { compileExpr, type CompiledExpr, type Env, type ValueFn } from './compile-expr';
import { normalizeFailure } from './failures';
import type { OqlRow, OqlSchema } from './ports';
import type { SqlValue } from './values';

/** One `JOIN … ON holder.key = target.id`. */
export interface JoinEdge {
  readonly holder: string;
  readonly key: string;
  readonly target: string;
}

export interface Conjunct {
  readonly fn: ValueFn;
  /** Aliases of THIS query the conjunct reads (outer ones are fixed while it runs). */
  readonly refs: ReadonlySet<string>;
  /** `alias.id = n` / `alias.id IN (n, …)` with constants: lets the runner look rows up instead of scanning. */
  readonly ids?: { readonly alias: string; readonly ids: readonly number[] };
  /** `alias.extkey = n` / `alias.extkey IN (n, …)` with constants: lets the runner use a key index. */
  readonly keys?: { readonly alias: string; readonly code: string; readonly ids: readonly number[] };
}

export interface QueryPlan {
  readonly aliases: readonly { readonly alias: string; readonly cls: string }[];
  readonly edges: readonly JoinEdge[];
  readonly conjuncts: readonly Conjunct[];
  readonly selectedAlias: string;
  readonly selectedClass: string;
  /** Aliases of enclosing queries this one reads (a correlated sub-query). */
  readonly outerRefs: ReadonlySet<string>;
}

export interface CompileDeps {
  readonly schema: OqlSchema;
  readonly variables: ReadonlyMap<string, SqlValue>;
  /** Runs sub-query plans (injected to keep compiling and running apart). */
  readonly run: (plans: readonly QueryPlan[], outer: Env) => readonly OqlRow[];
}

/**
 * Checks a query against the model in iTop's order (OqlObjectQuery::Check: class, joins, selected aliases,
 * then the condition tree) and compiles it. Errors inside sub-queries quote an empty query text, as iTop does.
 */
export function compileQuery(query: OqlQuery, source: string, parentAliases: ReadonlyMap<string, string>, deps: CompileDeps): QueryPlan[] {
  const members = query.kind === 'union' ? query.queries : [query];
  return members.map((member) => compileObjectQuery(member, source, parentAliases, deps));
}

function compileObjectQuery(q: OqlObjectQuery, source: string, parentAliases: ReadonlyMap<string, string>, deps: CompileDeps): QueryPlan {
  const { schema } = deps;
  const cls = q.className.value;
  if (!schema.classExists(cls)) throw normalizeFailure('unknown-class', 'Unknown class', source, q.className, schema.classNames(), 'UnknownClassOqlException');
  const aliases = new Map<string, string>([[q.alias.value, cls]]);
  for (const [alias, parentClass] of parentAliases) aliases.set(alias, parentClass); // array_merge: the parent wins
  const own = [{ alias: q.alias.value, cls }];
  const edges: JoinEdge[] = [];
  for (const join of q.joins) {
    const joinClass = join.className.value;
    const joinAlias = join.alias.value;
    if (!schema.classExists(joinClass)) throw normalizeFailure('unknown-class', 'Unknown class', source, join.className, schema.classNames(), 'UnknownClassOqlException');
    if (aliases.has(joinAlias)) {
      throw joinAlias !== joinClass
        ? normalizeFailure('unknown-class', 'Duplicate class alias', source, join.alias)
        : normalizeFailure('unknown-class', 'Duplicate class name', source, join.className);
    }
    if (join.right.name.value !== 'id') {
      throw normalizeFailure('unknown-attribute', 'Wrong format for Join clause (right hand), expecting an id', source, join.right.name, ['id']);
    }
    aliases.set(joinAlias, joinClass);
    own.push({ alias: joinAlias, cls: joinClass });
    const from = join.left.alias ?? { value: '', pos: 0 };
    const to = join.right.alias ?? { value: '', pos: 0 };
    const fromClass = aliases.get(from.value);
    const toClass = aliases.get(to.value);
    if (fromClass === undefined) throw normalizeFailure('unknown-class', 'Unknown class in join condition (left expression)', source, from, [...aliases.keys()]);
    if (toClass === undefined) throw normalizeFailure('unknown-class', 'Unknown class in join condition (right expression)', source, to, [...aliases.keys()]);
    const key = join.left.name.value;
    const keys = schema.filterCodes(fromClass).filter((code) => schema.externalKeyTarget(fromClass, code) !== undefined);
    if (!keys.includes(key)) throw normalizeFailure('unknown-attribute', 'Unknown key in join condition (left expression)', source, join.left.name, keys);
    const target = schema.externalKeyTarget(fromClass, key) ?? '';
    if (!schema.isA(toClass, target) && !schema.isA(target, toClass)) {
      const shown = from.value === joinAlias ? fromClass : toClass;
      throw normalizeFailure('unknown-attribute', `The joined class (${shown}) is not compatible with the external key, which is pointing to ${target}`, source, join.left.name);
    }
    if (from.value !== joinAlias && join.op !== '=') {
      // The simulator's model has no hierarchical keys, so iTop would refuse every tree operator here.
      throw normalizeFailure('unknown-attribute', `The specified tree operator ${join.op} is not applicable to the key`, source, join.left.name);
    }
    edges.push({ holder: from.value, key, target: to.value });
  }
  for (const name of q.selected) {
    if (!aliases.has(name.value)) throw normalizeFailure('unknown-class', 'Unknown class [alias]', source, name, [...aliases.keys()]);
  }
  const ownNames = new Set(own.map((o) => o.alias));
  const isKey = (alias: string, code: string): boolean => {
    const aliasClass = aliases.get(alias);
    return aliasClass !== undefined && schema.externalKeyTarget(aliasClass, code) !== undefined;
  };
  const conjuncts = q.where === null ? [] : splitAnd(q.where).map((e) => toConjunct(compileExpr(e, exprDeps(source, aliases, deps)), e, ownNames, isKey));
  const outerRefs = new Set(conjuncts.flatMap((c) => [...c.refs]).filter((a) => !ownNames.has(a)));
  const selected = q.selected[0] ?? q.alias;
  return {
    aliases: own,
    edges,
    conjuncts: conjuncts.map((c) => ({ ...c, refs: new Set([...c.refs].filter((a) => ownNames.has(a))) })),
    selectedAlias: selected.value,
    selectedClass: aliases.get(selected.value) ?? cls,
    outerRefs,
  };
}

function exprDeps(source: string, aliases: ReadonlyMap<string, string>, deps: CompileDeps) {
  const { schema } = deps;
  return {
    variable: (name: string) => deps.variables.get(name) ?? null,
    resolveField: (field: OqlField) => resolveField(field, source, aliases, schema),
    subquery: (query: OqlQuery) => {
      const plans = compileQuery(query, '', aliases, deps);
      const refs = new Set(plans.flatMap((p) => [...p.outerRefs]));
      let cached: ReadonlySet<number> | null = null;
      const ids = (env: Env): ReadonlySet<number> => {
        if (cached !== null) return cached;
        const result = new Set(deps.run(plans, env).map((row) => row.id));
        if (refs.size === 0) cached = result; // uncorrelated: the same set for every outer row
        return result;
      };
      return { ids, refs };
    },
  };
}

/** FieldOqlExpression::Check: a bare code must belong to exactly one alias. */
function resolveField(field: OqlField, source: string, aliases: ReadonlyMap<string, string>, schema: OqlSchema): string {
  const code = field.name.value;
  if (field.alias === null) {
    const owners = new Map<string, string[]>();
    for (const [alias, cls] of aliases) {
      for (const filter of schema.filterCodes(cls)) owners.set(filter, [...(owners.get(filter) ?? []), alias]);
    }
    const found = owners.get(code);
    if (found === undefined) throw normalizeFailure('unknown-attribute', 'Unknown filter code', source, field.name, [...owners.keys()]);
    if (found.length > 1) throw normalizeFailure('unknown-attribute', 'Ambiguous filter code', source, field.name);
    return found[0] ?? '';
  }
  const cls = aliases.get(field.alias.value);
  if (cls === undefined) throw normalizeFailure('unknown-class', 'Unknown class [alias]', source, field.alias, [...aliases.keys()]);
  if (!schema.filterCodes(cls).includes(code)) throw normalizeFailure('unknown-attribute', 'Unknown filter code', source, field.name, schema.filterCodes(cls));
  return field.alias.value;
}

function splitAnd(expr: OqlExpr): OqlExpr[] {
  return expr.kind === 'binary' && expr.op === 'AND' ? [...splitAnd(expr.left), ...splitAnd(expr.right)] : [expr];
}

function toConjunct(compiled: CompiledExpr, expr: OqlExpr, own: ReadonlySet<string>, isKey: (alias: string, code: string) => boolean): Conjunct {
  const conjunct: Conjunct = { fn: compiled.fn, refs: compiled.refs };
  const found = constantMatch(expr, compiled, own);
  if (found === undefined) return conjunct;
  if (found.code === 'id') return { ...conjunct, ids: { alias: found.alias, ids: found.ids } };
  return isKey(found.alias, found.code) ? { ...conjunct, keys: found } : conjunct;
}

/**
 * Recognises `a.code = 5`, `5 = a.code` and `a.code IN (1, 2)` where every value is a literal number (or a
 * string of digits). The conjunct itself is still tested on every row: this only says where to look.
 */
function constantMatch(expr: OqlExpr, compiled: CompiledExpr, own: ReadonlySet<string>): { alias: string; code: string; ids: number[] } | undefined {
  const alias = [...compiled.refs][0];
  if (compiled.refs.size !== 1 || alias === undefined || !own.has(alias)) return undefined;
  const literal = (e: OqlExpr): number | null => (e.kind === 'number' ? e.value : e.kind === 'string' && /^\d+$/.test(e.value) ? Number(e.value) : null);
  const codeOf = (e: OqlExpr): string | null => (e.kind === 'field' ? e.name.value : null);
  if (expr.kind === 'binary' && expr.op === '=') {
    const [code, value] = codeOf(expr.left) !== null ? [codeOf(expr.left), literal(expr.right)] : [codeOf(expr.right), literal(expr.left)];
    return code === null || value === null ? undefined : { alias, code, ids: [value] };
  }
  const code = expr.kind === 'in' ? codeOf(expr.left) : null;
  if (expr.kind === 'in' && !expr.negated && code !== null && expr.right.kind === 'list') {
    const values = expr.right.items.map(literal);
    return values.every((v): v is number => v !== null) ? { alias, code, ids: [...new Set(values)] } : undefined;
  }
  return undefined;
}
