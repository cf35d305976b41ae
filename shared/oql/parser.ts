import type { OqlExpr, OqlJoin, OqlJoinOp, OqlName, OqlObjectQuery, OqlQuery } from './ast';
import { OqlParseFailure, TokenCursor } from './cursor';
import { oqlExceptionMessage, type OqlParseError } from './errors';
import { createExpressionParser } from './expression';
import { lexOql } from './lexer';

export type OqlParseResult =
  | { readonly ok: true; readonly query: OqlQuery; readonly placeholders: string[] }
  | { readonly ok: false; readonly error: OqlParseError };

const JOIN_OPS: Readonly<Record<string, OqlJoinOp>> = {
  EQ: '=', BELOW: 'BELOW', BELOW_STRICT: 'BELOW_STRICT', NOT_BELOW: 'NOT_BELOW', NOT_BELOW_STRICT: 'NOT_BELOW_STRICT',
  ABOVE: 'ABOVE', ABOVE_STRICT: 'ABOVE_STRICT', NOT_ABOVE: 'NOT_ABOVE', NOT_ABOVE_STRICT: 'NOT_ABOVE_STRICT',
};

// iTop reports a whole-text expression ("name = 'x'", which its grammar accepts) by the class of its root node.
const EXPRESSION_CLASSES: Readonly<Record<OqlExpr['kind'], string>> = {
  field: 'FieldOqlExpression', string: 'ScalarOqlExpression', number: 'ScalarOqlExpression', hex: 'ScalarOqlExpression',
  null: 'ScalarOqlExpression', variable: 'VariableOqlExpression', binary: 'BinaryOqlExpression', in: 'BinaryOqlExpression',
  function: 'FunctionOqlExpression', interval: 'IntervalOqlExpression',
};

/**
 * Parses an OQL query exactly as far as iTop's parser decides validity (grammar, not the data model: class and
 * attribute names are checked by whoever knows the model). Never throws for any input string.
 */
export function parseOql(text: string): OqlParseResult {
  const cursor = new TokenCursor(text, lexOql(text));
  try {
    if (!cursor.is('SELECT')) {
      const expression = createExpressionParser(cursor, () => queryOrUnion(cursor)).condition();
      cursor.expect('END');
      const found = expression.kind === 'binary' && expression.op === 'MATCHES' ? 'MatchOqlExpression' : EXPRESSION_CLASSES[expression.kind];
      const message = oqlExceptionMessage('Expecting an OQL query', text, 0, found);
      return { ok: false, error: { kind: 'syntax', exceptionClass: 'OQLException', message, position: 0 } };
    }
    const query = queryOrUnion(cursor);
    cursor.expect('END');
    return { ok: true, query, placeholders: placeholdersOf(query) };
  } catch (caught) {
    if (caught instanceof OqlParseFailure) return { ok: false, error: caught.error };
    throw caught;
  }
}

function queryOrUnion(cursor: TokenCursor): OqlQuery {
  const queries = [objectQuery(cursor)];
  while (cursor.is('UNION')) {
    cursor.next();
    queries.push(objectQuery(cursor));
  }
  return queries.length === 1 && queries[0] !== undefined ? queries[0] : { kind: 'union', queries };
}

function objectQuery(cursor: TokenCursor): OqlObjectQuery {
  const expressions = createExpressionParser(cursor, () => queryOrUnion(cursor));
  cursor.expect('SELECT');
  const first = cursor.name();
  let className = first;
  let selected: OqlName[] | null = null;
  if (cursor.is('COMA', 'FROM')) {
    selected = [first];
    while (cursor.is('COMA')) {
      cursor.next();
      selected.push(cursor.name());
    }
    cursor.expect('FROM');
    className = cursor.name();
  }
  let alias = className;
  if (cursor.is('AS_ALIAS')) {
    cursor.next();
    alias = cursor.name();
  }
  const joins: OqlJoin[] = [];
  while (cursor.is('JOIN')) {
    cursor.next();
    const joinClass = cursor.name();
    let joinAlias = joinClass;
    if (cursor.is('AS_ALIAS')) {
      cursor.next();
      joinAlias = cursor.name();
    }
    cursor.expect('ON');
    const left = expressions.field();
    const op = JOIN_OPS[cursor.peek().type];
    if (op === undefined) throw cursor.unexpected();
    cursor.next();
    joins.push({ className: joinClass, alias: joinAlias, left, op, right: expressions.field() });
  }
  let where: OqlExpr | null = null;
  if (cursor.is('WHERE')) {
    cursor.next();
    where = expressions.condition();
  }
  return { kind: 'select', className, alias, selected: selected ?? [alias], joins, where };
}

/** `:names` used anywhere in the query (sub-queries included), without the colon, first use first. */
export function placeholdersOf(query: OqlQuery): string[] {
  const names = new Set<string>();
  const visitQuery = (q: OqlQuery): void => {
    if (q.kind === 'union') q.queries.forEach(visitQuery);
    else if (q.where !== null) visitExpr(q.where);
  };
  const visitExpr = (e: OqlExpr): void => {
    switch (e.kind) {
      case 'variable':
        names.add(e.name);
        return;
      case 'binary':
        visitExpr(e.left);
        visitExpr(e.right);
        return;
      case 'in':
        visitExpr(e.left);
        if (e.right.kind === 'list') e.right.items.forEach(visitExpr);
        else visitQuery(e.right.query);
        return;
      case 'function':
        e.args.forEach(visitExpr);
        return;
      case 'interval':
        visitExpr(e.value);
        return;
      default:
        return;
    }
  };
  visitQuery(query);
  return [...names];
}
