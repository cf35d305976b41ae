/**
 * A problem found while reading a configuration. The app always starts: an `error` means the offending
 * value was replaced (by its default, or the entry was disabled/dropped) and the message says so; a
 * `warning` means the value was kept or ignored harmlessly (unknown key, generated token…).
 */
export type ConfigIssueSeverity = 'error' | 'warning';

export interface ConfigIssue {
  /** Where, in our config's terms, e.g. `telephony.display_tickets.lists[2].query`. */
  readonly path: string;
  readonly severity: ConfigIssueSeverity;
  readonly message: string;
}

export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

/** `['telephony','lists',2,'label/FR FR']` → `telephony.lists[2]["label/FR FR"]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

export function joinPath(base: string, segments: readonly PathSegment[]): string {
  const rest = formatPath(segments);
  if (base === '') return rest;
  if (rest === '') return base;
  return rest.startsWith('[') ? base + rest : `${base}.${rest}`;
}

export const issue = (path: string, severity: ConfigIssueSeverity, message: string): ConfigIssue => ({
  path,
  severity,
  message,
});

/** Short, safe rendering of a user value inside a message (never dumps a huge blob). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
