/**
 * A value for a case-log field (`public_log`, `private_log`) that appends one entry (itop-rest.md §3.9.2).
 * `text` keeps the message verbatim; `html` (iTop's default) is sanitised and wrapped in <p>.
 * Author and date are left to iTop: only administrators may set them.
 */
export function caseLogItem(message: string, format: 'text' | 'html' = 'text'): { add_item: { message: string; format: 'text' | 'html' } } {
  return { add_item: { message, format } };
}
