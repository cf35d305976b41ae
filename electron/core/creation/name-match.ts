import { lexOql, parseOql } from '../../../shared/oql';
import { fail, ok, type Result } from '../../../shared/result';

/**
 * An attribute's iTop `<filter>` narrowed to the objects whose name matches `:text`, for the pickers. The
 * condition goes into the filter's own WHERE (the original condition kept in parentheses), on the alias the
 * filter selects: a nested `IN (SELECT …)` would make its unqualified codes ambiguous, as iTop reports.
 */
export function withNameMatch(filter: string): Result<string> {
  const parsed = parseOql(filter);
  if (!parsed.ok) return fail('form-bad-filter', parsed.error.message);
  if (parsed.query.kind !== 'select') return fail('form-bad-filter', 'a UNION cannot be narrowed by name');
  const alias = parsed.query.selected[0]?.value ?? parsed.query.alias.value;
  const match = `${alias}.friendlyname LIKE :text`;
  let depth = 0;
  // The filter parsed, so the lexer read all of it.
  for (const token of lexOql(filter).tokens) {
    if (token.type === 'PAR_OPEN') depth += 1;
    else if (token.type === 'PAR_CLOSE') depth -= 1;
    else if (token.type === 'WHERE' && depth === 0) {
      const at = charIndex(filter, token.pos);
      return ok(`${filter.slice(0, at).trimEnd()} WHERE (${filter.slice(at + 'WHERE'.length).trim()}) AND ${match}`);
    }
  }
  return ok(`${filter.trimEnd()} WHERE ${match}`);
}

/** The lexer counts UTF-8 bytes (as iTop's messages do); strings are sliced by UTF-16 index. */
function charIndex(text: string, bytePos: number): number {
  return new TextDecoder().decode(new TextEncoder().encode(text).slice(0, bytePos)).length;
}
