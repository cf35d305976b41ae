/**
 * The seam between the simulator's OQL evaluator (e2e/itop-sim/oql/) and its data model
 * (e2e/itop-sim/model/, store/). The evaluator knows OQL; the model knows classes and rows.
 */

/** What the evaluator may ask about the data model. */
export interface OqlSchema {
  /** True for every declared class, abstract ones included (Contact, Ticket). */
  classExists(name: string): boolean;
  /** `cls` is `ancestor` or one of its subclasses. */
  isA(cls: string, ancestor: string): boolean;
  /**
   * Codes usable in a WHERE clause on `cls`: its attributes (inherited ones included), `id`,
   * `friendlyname`, `finalclass` (for hierarchies), external fields (org_name, caller_id_friendlyname…).
   * Order matters: iTop lists them in its "expecting {…}" error messages.
   */
  filterCodes(cls: string): readonly string[];
  /** Target class of an external key attribute, or undefined when `code` is not an external key. */
  externalKeyTarget(cls: string, code: string): string | undefined;
  /** Every concrete or abstract class name, for "Unknown class … I would suggest to use" messages. */
  classNames(): readonly string[];
}

/** One stored object as the evaluator sees it. */
export interface OqlRow {
  readonly id: number;
  readonly finalClass: string;
  /** Value of a filter code: strings for text, numbers for ids and external keys (0 when empty), null when unset. */
  get(code: string): string | number | null;
}

export interface OqlDataSource {
  /** Every row whose final class is `cls` or a subclass of it, in any order. */
  rowsOf(cls: string): Iterable<OqlRow>;
  /**
   * Optional fast path: the row with this id if its final class is `cls` or a subclass, else undefined.
   * Without it the evaluator builds an id index from `rowsOf` once per query.
   */
  rowById?(cls: string, id: number): OqlRow | undefined;
  /**
   * Optional fast path: rows of `cls` (subclasses included) whose external key `code` is numerically `id`,
   * in any order. Without it the evaluator builds a reverse index from `rowsOf` once per query and key.
   */
  rowsByKey?(cls: string, code: string, id: number): Iterable<OqlRow>;
}

/** Values behind the magic placeholders iTop resolves in REST queries. */
export interface OqlContext {
  /** `:current_contact_id` (0 when the user has no contact). */
  readonly currentContactId: number;
  /** `:current_user->x` */
  readonly currentUser: Readonly<Record<string, string | number>>;
  /** `:current_contact->x` */
  readonly currentContact: Readonly<Record<string, string | number>>;
}

export type OqlFailureKind = 'syntax' | 'lexer' | 'unknown-class' | 'unknown-attribute' | 'missing-argument';

/** A failure worded as iTop words it; the simulator wraps what FromOQL raises into "Query failed to execute: …" (not a missing argument, raised when the query runs). */
export interface OqlFailure {
  readonly kind: OqlFailureKind;
  /** iTop's exception class, e.g. OQLParserSyntaxErrorException, UnknownClassOqlException, OqlNormalizeException. */
  readonly exceptionClass: string;
  /** iTop's exception message, e.g. "Unexpected token End of Input - found '0' at 0 in 'SELECT …'". */
  readonly message: string;
}

export type OqlOutcome =
  | { readonly ok: true; readonly selectedClass: string; readonly rows: readonly OqlRow[] }
  | { readonly ok: false; readonly failure: OqlFailure };
