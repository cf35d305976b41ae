import type { OqlBinaryOp, OqlExpr, OqlField, OqlInRight, OqlQuery } from './ast';
import type { TokenCursor } from './cursor';
import type { OqlTokenType } from './lexer';

/**
 * Expressions with iTop's precedence levels (oql-parser.y), all left-associative:
 *   prio1  * / << >>          prio2  + - < > <= >= = != LIKE NOT LIKE REGEXP MATCHES
 *   prio3  AND &              prio4  OR | ^
 * and `x IN (…)` binding tightest. There is no unary NOT: iTop's lexer has no such token.
 */

const PRIO1: Partial<Record<OqlTokenType, OqlBinaryOp>> = { MATH_DIV: '/', MATH_MULT: '*', BITWISE_LEFT_SHIFT: '<<', BITWISE_RIGHT_SHIFT: '>>' };
const PRIO2: Partial<Record<OqlTokenType, OqlBinaryOp>> = {
  MATH_PLUS: '+', MATH_MINUS: '-', GT: '>', LT: '<', GE: '>=', LE: '<=', LIKE: 'LIKE', NOT_LIKE: 'NOT LIKE',
  MATCHES: 'MATCHES', REGEXP: 'REGEXP', EQ: '=', NOT_EQ: '!=',
};
const PRIO3: Partial<Record<OqlTokenType, OqlBinaryOp>> = { LOG_AND: 'AND', BITWISE_AND: '&' };
const PRIO4: Partial<Record<OqlTokenType, OqlBinaryOp>> = { LOG_OR: 'OR', BITWISE_OR: '|', BITWISE_XOR: '^' };

const FUNCTIONS: ReadonlySet<string> = new Set([
  'F_IF', 'F_ELT', 'F_COALESCE', 'F_ISNULL', 'F_CONCAT', 'F_SUBSTR', 'F_TRIM', 'F_DATE', 'F_DATE_FORMAT',
  'F_CURRENT_DATE', 'F_NOW', 'F_TIME', 'F_TO_DAYS', 'F_FROM_DAYS', 'F_YEAR', 'F_MONTH', 'F_DAY', 'F_DATE_ADD',
  'F_DATE_SUB', 'F_ROUND', 'F_FLOOR', 'F_INET_ATON', 'F_INET_NTOA',
]);
const INTERVAL_UNITS: readonly OqlTokenType[] = ['F_SECOND', 'F_MINUTE', 'F_HOUR', 'F_DAY', 'F_MONTH', 'F_YEAR'];

export interface ExpressionParser {
  condition(): OqlExpr;
  field(): OqlField;
}

/** `parseQuery` parses `SELECT …` (or a UNION) inside `IN (…)`. */
export function createExpressionParser(cursor: TokenCursor, parseQuery: () => OqlQuery): ExpressionParser {
  const level = (operators: Partial<Record<OqlTokenType, OqlBinaryOp>>, operand: () => OqlExpr) => (): OqlExpr => {
    let left = operand();
    for (let op = operators[cursor.peek().type as OqlTokenType]; op !== undefined; op = operators[cursor.peek().type as OqlTokenType]) {
      cursor.next();
      left = { kind: 'binary', op, left, right: operand() };
    }
    return left;
  };

  const field = (): OqlField => {
    const first = cursor.name();
    if (!cursor.is('DOT')) return { kind: 'field', alias: null, name: first };
    cursor.next();
    return { kind: 'field', alias: first, name: cursor.name() };
  };

  const inRight = (): OqlInRight =>
    cursor.nested(() => {
      cursor.expect('PAR_OPEN');
      let right: OqlInRight;
      if (cursor.is('SELECT')) right = { kind: 'subquery', query: parseQuery() };
      else {
        const items = [condition()];
        while (cursor.is('COMA')) {
          cursor.next();
          items.push(condition());
        }
        right = { kind: 'list', items };
      }
      cursor.expect('PAR_CLOSE');
      return right;
    });

  const argument = (): OqlExpr => {
    if (!cursor.is('INTERVAL')) return condition();
    cursor.next();
    const value = condition();
    if (!cursor.is(...INTERVAL_UNITS)) throw cursor.unexpected();
    return { kind: 'interval', value, unit: cursor.next().text };
  };

  const call = (): OqlExpr =>
    cursor.nested(() => {
      const name = cursor.next().text;
      cursor.expect('PAR_OPEN');
      // iTop's `arg_list ::= . | argument | arg_list COMA argument` accepts `F()` and even `F(, x)`.
      const args: OqlExpr[] = [];
      if (!cursor.is('COMA', 'PAR_CLOSE')) args.push(argument());
      while (cursor.is('COMA')) {
        cursor.next();
        args.push(argument());
      }
      cursor.expect('PAR_CLOSE');
      return { kind: 'function', name, args };
    });

  const primary = (): OqlExpr => {
    const token = cursor.peek();
    switch (token.type) {
      case 'NUMVAL':
        cursor.next();
        return { kind: 'number', value: Number(token.text) };
      case 'MATH_MINUS':
        cursor.next();
        return { kind: 'number', value: -Number(cursor.expect('NUMVAL').text) };
      case 'HEXVAL':
        cursor.next();
        return { kind: 'hex', text: token.text };
      case 'STRVAL':
        cursor.next();
        return { kind: 'string', value: unquote(token.text) };
      case 'NULL_VAL':
        cursor.next();
        return { kind: 'null' };
      case 'VARNAME':
        cursor.next();
        return { kind: 'variable', name: token.text.slice(1), pos: token.pos };
      case 'NAME':
        return field();
      case 'PAR_OPEN':
        return cursor.nested(() => {
          cursor.next();
          const inner = condition();
          cursor.expect('PAR_CLOSE');
          return inner;
        });
      default:
        if (FUNCTIONS.has(token.type)) return call();
        throw cursor.unexpected();
    }
  };

  const basic = (): OqlExpr => {
    let left = primary();
    while (cursor.is('IN', 'NOT_IN')) {
      const negated = cursor.next().type === 'NOT_IN';
      left = { kind: 'in', negated, left, right: inRight() };
    }
    return left;
  };

  const condition = level(PRIO4, level(PRIO3, level(PRIO2, level(PRIO1, basic))));
  return { condition, field };
}

/** iTop strips the quotes then applies PHP stripslashes; the lexer already allowed only `\\` and `\<quote>`. */
export function unquote(literal: string): string {
  return literal.slice(1, -1).replace(/\\(.)/gs, '$1');
}
