/**
 * Every way a call to iTop's REST endpoint can fail, as plain data (it crosses IPC unchanged).
 * iTop answers HTTP 200 with a JSON `code` for its own errors (itop-rest.md §1.4, §4); everything else is
 * transport trouble or a caller mistake caught before anything was sent.
 */
export type ItopError =
  | { kind: 'itop'; code: number; message: string; operation: string }
  | { kind: 'http'; status: number; bodySnippet: string }
  | { kind: 'not-json'; status: number; bodySnippet: string }
  | { kind: 'timeout'; afterMs: number }
  | { kind: 'network'; message: string }
  | { kind: 'aborted' }
  | { kind: 'bad-response'; message: string }
  /** Refused before sending: bad client configuration or arguments (nothing reached iTop). */
  | { kind: 'invalid-request'; message: string };

export type ItopErrorKind = ItopError['kind'];
type ItopCodeError = Extract<ItopError, { kind: 'itop' }>;

/** iTop's RestResult codes (applicationextension.inc.php). */
export const ITOP_CODE = {
  OK: 0,
  UNAUTHORIZED: 1,
  MISSING_VERSION: 2,
  MISSING_JSON: 3,
  INVALID_JSON: 4,
  UNSUPPORTED_VERSION: 10,
  UNKNOWN_OPERATION: 11,
  UNSAFE: 12,
  INVALID_PAGE: 13,
  INTERNAL_ERROR: 100,
} as const;

const isCode = (e: ItopError, code: number): e is ItopCodeError => e.kind === 'itop' && e.code === code;

/** Wrong password, unknown user, bad or expired token: iTop says only "Invalid login". */
export const isLoginFailure = (e: ItopError): boolean => isCode(e, ITOP_CODE.UNAUTHORIZED) && /Invalid login/i.test(e.message);

/** A valid login without the "REST Services User" profile. */
export const isNotAuthorizedForRest = (e: ItopError): boolean =>
  isCode(e, ITOP_CODE.UNAUTHORIZED) && /not authorized to use the web services/i.test(e.message);

/** The user may log in but lacks a right on the class ("…does not have enough permissions for…"). */
export const isPermissionDenied = (e: ItopError): boolean => isCode(e, ITOP_CODE.UNAUTHORIZED) && /enough permissions/i.test(e.message);

/** `class` is not a class of this iTop, or the OQL names an unknown class. */
export const isUnknownClass = (e: ItopError): boolean =>
  isCode(e, ITOP_CODE.INTERNAL_ERROR) && (/class: '.*' is not a valid class/.test(e.message) || /UnknownClassOqlException/.test(e.message));

/** The OQL could not be lexed, parsed or normalized, or used a placeholder iTop could not resolve. */
export const isOqlError = (e: ItopError): boolean =>
  isCode(e, ITOP_CODE.INTERNAL_ERROR) && /Query failed to execute|Missing query argument/.test(e.message);

export interface ValidationIssue {
  /** Attribute code, e.g. `agent_id`. */
  attribute: string;
  /** Label in the iTop user's language, e.g. `Agent`. */
  label: string;
  /** iTop's reason, e.g. `Null not allowed`, `Value not allowed [sideways]`, `Wrong format [030/1234567]`. */
  reason: string;
}

// "Unexpected value for attribute '<Label>' (<code>) : <reason>", listed as {0=>…; 1=>…} (itop-rest.md §3.9.5).
const ISSUE = /Unexpected value for attribute '(.*?)' \(([A-Za-z_][A-Za-z0-9_]*)\) : (.*?)(?=; \d+=>Unexpected value for attribute |\}, class = |$)/g;

/**
 * The per-attribute issues of a CoreCannotSaveObjectException (a create or update iTop refused to save),
 * or null when `e` is not one.
 */
export function validationIssues(e: ItopError): ValidationIssue[] | null {
  if (!isCode(e, ITOP_CODE.INTERNAL_ERROR)) return null;
  const at = e.message.indexOf(': issues = {');
  if (at < 0) return null;
  const issues = [...e.message.slice(at + ': issues = {'.length).matchAll(ISSUE)].map((m) => ({
    label: m[1] ?? '',
    attribute: m[2] ?? '',
    reason: (m[3] ?? '').trim(),
  }));
  return issues.length > 0 ? issues : null;
}

export const isValidationError = (e: ItopError): boolean => validationIssues(e) !== null;

/** A sentence an agent understands, naming what to check. */
export function describeItopError(e: ItopError): string {
  switch (e.kind) {
    case 'itop':
      return describeItopCode(e);
    case 'http':
      return `iTop's web server answered HTTP ${e.status} instead of a REST reply${e.bodySnippet ? ` (${oneLine(e.bodySnippet)})` : ''}. Check the iTop URL and the server logs.`;
    case 'not-json':
      return `iTop answered with a page that is not JSON (HTTP ${e.status}), usually a PHP error or a login page: ${oneLine(e.bodySnippet) || 'empty body'}.`;
    case 'timeout':
      return `iTop did not answer within ${Math.round(e.afterMs / 100) / 10} s. The server may be overloaded or unreachable.`;
    case 'network':
      return `iTop could not be reached: ${e.message}. Check the URL and the network connection.`;
    case 'aborted':
      return 'The request to iTop was cancelled.';
    case 'bad-response':
      return `iTop's reply did not have the expected shape: ${e.message}. Is this URL really iTop's REST endpoint?`;
    case 'invalid-request':
      return `The request was not sent to iTop: ${e.message}`;
  }
}

function describeItopCode(e: ItopCodeError): string {
  const issues = validationIssues(e);
  if (issues) return `iTop refused to save: ${issues.map((i) => `${i.label} (${i.attribute}): ${i.reason}`).join('; ')}.`;
  if (isLoginFailure(e)) return 'iTop refused the login: check the user name and password, or the token.';
  if (isNotAuthorizedForRest(e)) return 'iTop accepted the login, but this user lacks the "REST Services User" profile needed by this app.';
  if (isPermissionDenied(e)) return `iTop refused: ${e.message}.`;
  if (isUnknownClass(e)) return `iTop does not know this class (is the module installed?): ${stripPrefix(e.message)}`;
  if (isOqlError(e)) return `iTop could not run the query: ${stripPrefix(e.message)}`;
  if (e.code === ITOP_CODE.UNSUPPORTED_VERSION) return `This iTop does not support the REST API version requested: ${stripPrefix(e.message)}`;
  return `iTop reported an error (code ${e.code}) during ${e.operation}: ${stripPrefix(e.message) || 'no message'}`;
}

const stripPrefix = (message: string): string => message.replace(/^Error: /, '');
const oneLine = (text: string): string => text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
