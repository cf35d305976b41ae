/**
 * The OQL syntax tree, shaped after iTop's own parser output (core/oql/oql-parser.y): names keep the byte
 * offset where they start, because iTop's normalisation errors ("Unknown filter code - found 'x' at 20 …")
 * point at them.
 */

/** A class, alias or attribute name with its byte offset in the query text. */
export interface OqlName {
  readonly value: string;
  readonly pos: number;
}

export type OqlComparisonOp = '=' | '!=' | '<' | '>' | '<=' | '>=' | 'LIKE' | 'NOT LIKE' | 'REGEXP' | 'MATCHES';
export type OqlArithmeticOp = '+' | '-' | '*' | '/' | '&' | '|' | '^' | '<<' | '>>';
export type OqlLogicalOp = 'AND' | 'OR';
export type OqlBinaryOp = OqlComparisonOp | OqlArithmeticOp | OqlLogicalOp;

/** `JOIN … ON a.x = b.id`: iTop also knows the hierarchical operators. */
export type OqlJoinOp =
  | '='
  | 'BELOW'
  | 'BELOW_STRICT'
  | 'NOT_BELOW'
  | 'NOT_BELOW_STRICT'
  | 'ABOVE'
  | 'ABOVE_STRICT'
  | 'NOT_ABOVE'
  | 'NOT_ABOVE_STRICT';

export interface OqlField {
  readonly kind: 'field';
  /** `alias.code`; null for a bare `code`. */
  readonly alias: OqlName | null;
  readonly name: OqlName;
}

export type OqlExpr =
  | OqlField
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  /** `0x1F`: iTop hands hex values to MySQL untouched. */
  | { readonly kind: 'hex'; readonly text: string }
  | { readonly kind: 'null' }
  /** `:name` or `:name->attribute`, stored without the colon. */
  | { readonly kind: 'variable'; readonly name: string; readonly pos: number }
  | { readonly kind: 'binary'; readonly op: OqlBinaryOp; readonly left: OqlExpr; readonly right: OqlExpr }
  | { readonly kind: 'in'; readonly negated: boolean; readonly left: OqlExpr; readonly right: OqlInRight }
  | { readonly kind: 'function'; readonly name: string; readonly args: readonly OqlExpr[] }
  /** Only inside DATE_ADD / DATE_SUB arguments. */
  | { readonly kind: 'interval'; readonly value: OqlExpr; readonly unit: string };

export type OqlInRight =
  | { readonly kind: 'list'; readonly items: readonly OqlExpr[] }
  | { readonly kind: 'subquery'; readonly query: OqlQuery };

export interface OqlJoin {
  readonly className: OqlName;
  readonly alias: OqlName;
  readonly left: OqlField;
  readonly op: OqlJoinOp;
  readonly right: OqlField;
}

export interface OqlObjectQuery {
  readonly kind: 'select';
  /** The class after SELECT (or after FROM in `SELECT a, b FROM X`). */
  readonly className: OqlName;
  /** Its alias; equal to the class name when there is no `AS`. */
  readonly alias: OqlName;
  /** Aliases whose objects the query returns (usually just `alias`). */
  readonly selected: readonly OqlName[];
  readonly joins: readonly OqlJoin[];
  readonly where: OqlExpr | null;
}

export interface OqlUnionQuery {
  readonly kind: 'union';
  readonly queries: readonly OqlObjectQuery[];
}

export type OqlQuery = OqlObjectQuery | OqlUnionQuery;
