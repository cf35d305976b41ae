import type { OqlObjectQuery, OqlQuery } from '../../../shared/oql/ast';
import { parseOql } from '../../../shared/oql/parser';
import { resolveArguments } from './arguments';
import { compileQuery } from './compile-query';
import { OqlCheckFailure } from './failures';
import type { OqlContext, OqlDataSource, OqlFailure, OqlOutcome, OqlSchema } from './ports';
import { createRunner } from './run';

/**
 * Runs an OQL query the way iTop's REST core/get does: parse (syntax and lexer errors), then the model check
 * (unknown classes, aliases, attributes), then the arguments (only magic placeholders exist in REST), then
 * evaluation. The result is the selected alias's class, subclasses included, each object once, unordered.
 */
export function executeOql(text: string, schema: OqlSchema, data: OqlDataSource, ctx: OqlContext): OqlOutcome {
  const parsed = parseOql(text);
  if (!parsed.ok) return { ok: false, failure: { kind: parsed.error.kind, exceptionClass: parsed.error.exceptionClass, message: parsed.error.message } };
  const unknownNested = nestedClassFailure(parsed.query, schema, false);
  if (unknownNested !== null) return { ok: false, failure: unknownNested };
  const args = resolveArguments(parsed.placeholders, ctx);
  const run = createRunner(schema, data);
  try {
    const plans = compileQuery(parsed.query, text, new Map(), { schema, variables: args.values, run });
    if (args.missing !== null) return { ok: false, failure: args.missing };
    const selectedClass = commonClass(plans.map((p) => p.selectedClass), schema);
    if (selectedClass === null) {
      const message = `Incompatible classes: could not find a common ancestor - found '${plans.map((p) => p.selectedClass).join(', ')}' at 0 in '${text}'`;
      return { ok: false, failure: { kind: 'unknown-class', exceptionClass: 'OqlNormalizeException', message } };
    }
    return { ok: true, selectedClass, rows: run(plans, new Map()) };
  } catch (caught) {
    if (caught instanceof OqlCheckFailure) return { ok: false, failure: caught.failure };
    throw caught;
  }
}

/**
 * iTop builds sub-queries while PARSING (NestedQueryOqlExpression → new DBObjectSearch), so an unknown class
 * inside `IN (SELECT …)` fails before any check, with a plain Exception. Inner sub-queries are built first.
 */
function nestedClassFailure(query: OqlQuery, schema: OqlSchema, nested: boolean): OqlFailure | null {
  const members: readonly OqlObjectQuery[] = query.kind === 'union' ? query.queries : [query];
  for (const member of members) {
    for (const sub of subqueriesOf(member.where)) {
      const failure = nestedClassFailure(sub, schema, true);
      if (failure !== null) return failure;
    }
    if (!nested) continue;
    for (const name of [member.className, ...member.joins.map((j) => j.className)]) {
      if (!schema.classExists(name.value)) {
        return { kind: 'unknown-class', exceptionClass: 'Exception', message: `DBObjectSearch::__construct called for an invalid class: "${name.value}"` };
      }
    }
  }
  return null;
}

function subqueriesOf(expr: OqlObjectQuery['where']): OqlQuery[] {
  if (expr === null) return [];
  switch (expr.kind) {
    case 'binary':
      return [...subqueriesOf(expr.left), ...subqueriesOf(expr.right)];
    case 'in':
      return [...subqueriesOf(expr.left), ...(expr.right.kind === 'subquery' ? [expr.right.query] : expr.right.items.flatMap(subqueriesOf))];
    case 'function':
      return expr.args.flatMap(subqueriesOf);
    case 'interval':
      return subqueriesOf(expr.value);
    default:
      return [];
  }
}

/** The most specific class every UNION member's class belongs to. */
function commonClass(classes: readonly string[], schema: OqlSchema): string | null {
  const first = classes[0];
  if (first === undefined) return null;
  if (classes.every((c) => schema.isA(c, first))) return first;
  const candidates = schema.classNames().filter((c) => classes.every((k) => schema.isA(k, c)));
  return candidates.find((c) => candidates.every((other) => schema.isA(c, other))) ?? null;
}
