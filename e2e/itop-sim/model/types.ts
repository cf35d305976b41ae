/**
 * The simulator's data model vocabulary: a small subset of iTop's AttributeDef zoo, enough to
 * reproduce how each attribute type is read (GetForJSON), written (MakeValue) and checked.
 */

export type AttrType =
  | 'string' // AttributeString, also Email/Phone/URL when no special check applies
  | 'text' // AttributeText (plain text, stored verbatim)
  | 'html' // AttributeText in html format: sanitised, bare text wrapped in <p>
  | 'email'
  | 'phone'
  | 'integer'
  | 'duration'
  | 'enum'
  | 'metaenum' // computed enum (operational_status)
  | 'datetime'
  | 'date'
  | 'extkey'
  | 'extfield'
  | 'caselog'
  | 'linkset'
  | 'blob'
  | 'stopwatch' // integer seconds
  | 'sw-deadline' // stopwatch sub-item: date string, "" when unset
  | 'sw-passed' // stopwatch sub-item: "no"/"yes"
  | 'sw-over'; // stopwatch sub-item: null when not over

export interface AttrDef {
  readonly code: string;
  /** English label, used in CoreCannotSaveObjectException messages. */
  readonly label: string;
  readonly type: AttrType;
  /** is_null_allowed = false. */
  readonly mandatory?: boolean;
  /** Allowed codes for enums. */
  readonly values?: readonly string[];
  /** Default value applied by NewObject. */
  readonly defaultValue?: string;
  /** Target class of an external key. */
  readonly target?: string;
  /** What deleting the target does to objects pointing at it: 'auto' deletes them too. */
  readonly onTargetDelete?: 'auto' | 'manual';
  /** For external fields: the external key and the attribute read on its target. */
  readonly via?: { readonly key: string; readonly remote: string };
}

export interface ClassDef {
  readonly name: string;
  readonly parent?: string;
  readonly abstract?: boolean;
  /** Own attributes, in declaration order (inherited ones come from the parent). */
  readonly attributes: readonly AttrDef[];
  /** Attribute codes joined by a space to form the friendly name (iTop naming). */
  readonly naming?: readonly string[];
  /** Obsolescence condition, for classes that can become obsolete. */
  readonly obsoleteWhen?: { readonly code: string; readonly value: string };
  /** Default order when it is not friendlyname ascending. */
  readonly order?: { readonly code: string; readonly ascending: boolean };
  /** sprintf-like reference format of tickets, e.g. R-%06d. */
  readonly refFormat?: string;
}

/** One case log entry as stored (oldest first). */
export interface CaseLogEntry {
  readonly date: string;
  readonly userLogin: string;
  readonly userId: string;
  readonly message: string;
  readonly messageHtml: string;
}

export interface BlobValue {
  readonly data: string;
  readonly mimetype: string;
  readonly filename: string;
}

/** Link rows are stored as given (scalars only), and read back with string values. */
export type LinkRow = Readonly<Record<string, string>>;

/** A stored attribute value: ext keys are numbers (0 when empty), dates "Y-m-d H:i:s" or "". */
export type StoredValue = string | number | null | readonly CaseLogEntry[] | readonly LinkRow[] | BlobValue;

export interface StoredObject {
  readonly id: number;
  readonly finalClass: string;
  readonly values: Record<string, StoredValue>;
}
