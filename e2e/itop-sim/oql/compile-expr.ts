import type { OqlExpr, OqlField, OqlQuery } from '../../../shared/oql/ast';
import { unsupported } from './failures';
import type { OqlRow } from './ports';
import { compareValues, compileLike, fold, isTrue, toNumber, truth, type SqlValue } from './values';

/** Rows bound to aliases while a query runs (outer query aliases included). */
export type Env = Map<string, OqlRow>;
export type ValueFn = (env: Env) => SqlValue;

export interface CompiledExpr {
  readonly fn: ValueFn;
  /** Aliases the expression reads, sub-queries' outer references included. */
  readonly refs: ReadonlySet<string>;
  /** Set for literals and placeholders: the value, known before any row is read. */
  readonly constant?: SqlValue;
}

export interface ExprDeps {
  /** Checks a field as iTop does and returns the alias it belongs to. */
  resolveField(field: OqlField): string;
  variable(name: string): SqlValue;
  /** Compiles `IN (SELECT …)`: returns a membership test and the outer aliases it reads. */
  subquery(query: OqlQuery): { readonly ids: (env: Env) => ReadonlySet<number>; readonly refs: ReadonlySet<string> };
}

const NO_REFS: ReadonlySet<string> = new Set();
const constant = (value: SqlValue): CompiledExpr => ({ fn: () => value, refs: NO_REFS, constant: value });
const union = (...sets: ReadonlySet<string>[]): ReadonlySet<string> => new Set(sets.flatMap((s) => [...s]));

export function compileExpr(expr: OqlExpr, deps: ExprDeps): CompiledExpr {
  switch (expr.kind) {
    case 'string':
    case 'number':
      return constant(expr.value);
    case 'hex':
      return constant(Number.parseInt(expr.text, 16));
    case 'null':
      return constant(null);
    case 'variable':
      return constant(deps.variable(expr.name));
    case 'field': {
      const alias = deps.resolveField(expr);
      const code = expr.name.value;
      const fn: ValueFn =
        code === 'id' ? (env) => env.get(alias)?.id ?? null : (env) => env.get(alias)?.get(code) ?? null;
      return { fn, refs: new Set([alias]) };
    }
    case 'binary':
      return compileBinary(expr.op, compileExpr(expr.left, deps), expr.right, deps);
    case 'in':
      return compileIn(expr, deps);
    case 'function':
      return compileFunction(expr.name, expr.args.map((a) => compileExpr(a, deps)));
    case 'interval':
      throw unsupported('INTERVAL expressions');
  }
}

function compileBinary(op: string, left: CompiledExpr, rightExpr: OqlExpr, deps: ExprDeps): CompiledExpr {
  const right = compileExpr(rightExpr, deps);
  const refs = union(left.refs, right.refs);
  const l = left.fn;
  const r = right.fn;
  const compare = (test: (c: number) => boolean): ValueFn => (env) => {
    const c = compareValues(l(env), r(env));
    return c === null ? null : truth(test(c));
  };
  const numeric = (f: (a: number, b: number) => number | null): ValueFn => (env) => {
    const a = l(env);
    const b = r(env);
    return a === null || b === null ? null : f(toNumber(a), toNumber(b));
  };
  let fn: ValueFn;
  switch (op) {
    case '=': fn = compare((c) => c === 0); break;
    case '!=': fn = compare((c) => c !== 0); break;
    case '<': fn = compare((c) => c < 0); break;
    case '>': fn = compare((c) => c > 0); break;
    case '<=': fn = compare((c) => c <= 0); break;
    case '>=': fn = compare((c) => c >= 0); break;
    case 'LIKE':
    case 'NOT LIKE': {
      const negate = op === 'NOT LIKE';
      const fixed = typeof right.constant === 'string' ? compileLike(right.constant) : null;
      fn = (env) => {
        const pattern = fixed ? null : r(env);
        const matched = (fixed ?? compileLike(String(pattern)))(l(env));
        if (!fixed && pattern === null) return null;
        return matched === null ? null : truth(negate ? matched === 0 : matched === 1);
      };
      break;
    }
    case 'REGEXP':
      fn = (env) => regexpMatch(l(env), r(env));
      break;
    case 'MATCHES':
      fn = (env) => {
        const text = l(env);
        const words = r(env);
        if (text === null || words === null) return null;
        const haystack = fold(String(text));
        return truth(fold(String(words)).split(/\s+/).filter(Boolean).every((w) => haystack.includes(w)));
      };
      break;
    case 'AND':
      fn = (env) => {
        const a = l(env);
        if (a !== null && !isTrue(a)) return 0;
        const b = r(env);
        if (b !== null && !isTrue(b)) return 0;
        return a === null || b === null ? null : 1;
      };
      break;
    case 'OR':
      fn = (env) => {
        const a = l(env);
        if (a !== null && isTrue(a)) return 1;
        const b = r(env);
        if (b !== null && isTrue(b)) return 1;
        return a === null || b === null ? null : 0;
      };
      break;
    case '+': fn = numeric((a, b) => a + b); break;
    case '-': fn = numeric((a, b) => a - b); break;
    case '*': fn = numeric((a, b) => a * b); break;
    case '/': fn = numeric((a, b) => (b === 0 ? null : a / b)); break;
    case '&': fn = numeric((a, b) => Number(BigInt.asUintN(64, BigInt(Math.trunc(a)) & BigInt(Math.trunc(b))))); break;
    case '|': fn = numeric((a, b) => Number(BigInt.asUintN(64, BigInt(Math.trunc(a)) | BigInt(Math.trunc(b))))); break;
    case '^': fn = numeric((a, b) => Number(BigInt.asUintN(64, BigInt(Math.trunc(a)) ^ BigInt(Math.trunc(b))))); break;
    case '<<': fn = numeric((a, b) => Number(BigInt.asUintN(64, BigInt(Math.trunc(a)) << BigInt(Math.min(64, Math.max(0, Math.trunc(b))))))); break;
    case '>>': fn = numeric((a, b) => Number(BigInt.asUintN(64, BigInt(Math.trunc(a))) >> BigInt(Math.min(64, Math.max(0, Math.trunc(b)))))); break;
    default:
      throw unsupported(`the operator ${op}`);
  }
  return { fn, refs };
}

function regexpMatch(value: SqlValue, pattern: SqlValue): SqlValue {
  if (value === null || pattern === null) return null;
  try {
    return truth(new RegExp(String(pattern), 'iu').test(String(value)));
  } catch {
    return null; // MySQL would reject the pattern; no row matches
  }
}

function compileIn(expr: Extract<OqlExpr, { kind: 'in' }>, deps: ExprDeps): CompiledExpr {
  const left = compileExpr(expr.left, deps);
  const negate = (found: boolean | null): SqlValue => truth(found === null ? null : expr.negated ? !found : found);
  if (expr.right.kind === 'subquery') {
    const sub = deps.subquery(expr.right.query);
    return {
      refs: union(left.refs, sub.refs),
      fn: (env) => {
        const value = left.fn(env);
        return value === null ? null : negate(sub.ids(env).has(toNumber(value)));
      },
    };
  }
  const items = expr.right.items.map((item) => compileExpr(item, deps));
  return {
    refs: union(left.refs, ...items.map((i) => i.refs)),
    fn: (env) => {
      const value = left.fn(env);
      if (value === null) return null;
      let sawNull = false;
      for (const item of items) {
        const c = compareValues(value, item.fn(env));
        if (c === 0) return negate(true);
        if (c === null) sawNull = true;
      }
      return negate(sawNull ? null : false);
    },
  };
}

function compileFunction(name: string, args: readonly CompiledExpr[]): CompiledExpr {
  const refs = union(...args.map((a) => a.refs));
  const fns = args.map((a) => a.fn);
  const arg = (i: number): ValueFn => fns[i] ?? (() => null);
  const fn = ((): ValueFn | null => {
    switch (name) {
      case 'ISNULL': return (env) => truth(arg(0)(env) === null);
      case 'COALESCE': return (env) => fns.map((f) => f(env)).find((v) => v !== null) ?? null;
      case 'CONCAT': return (env) => {
        const parts = fns.map((f) => f(env));
        return parts.some((p) => p === null) ? null : parts.join('');
      };
      case 'IF': return (env) => (isTrue(arg(0)(env)) ? arg(1)(env) : arg(2)(env));
      case 'TRIM': return (env) => {
        const v = arg(0)(env);
        return v === null ? null : String(v).trim();
      };
      case 'FLOOR': return (env) => {
        const v = arg(0)(env);
        return v === null ? null : Math.floor(toNumber(v));
      };
      default: return null;
    }
  })();
  if (fn === null) throw unsupported(`the OQL function ${name}()`);
  return { fn, refs };
}
