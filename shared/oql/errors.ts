/**
 * OQL errors worded exactly as iTop words them (core/oql/oqlexception.class.inc.php), so the simulator can
 * answer like a real iTop and the product can show the text an administrator would see in iTop.
 */

export interface OqlParseError {
  readonly kind: 'syntax' | 'lexer';
  /** iTop's exception class: OQLParserSyntaxErrorException, Exception (lexer), OQLException … */
  readonly exceptionClass: string;
  readonly message: string;
  /** Byte offset (UTF-8) of the offending token in the query text, as iTop counts it. */
  readonly position: number;
}

/** iTop's OQLException message: "<issue> - found '<x>' at <col> in '<query>'[, expecting {…}, I would suggest to use '…']". */
export function oqlExceptionMessage(
  issue: string,
  input: string,
  col: number,
  unexpected: string,
  expecting?: readonly string[],
): string {
  if (expecting === undefined || expecting.length === 0) return `${issue} - found '${unexpected}' at ${col} in '${input}'`;
  const suggestion = findClosestString(unexpected, expecting);
  return `${issue} - found '${unexpected}' at ${col} in '${input}', expecting {${expecting.join(', ')}}, I would suggest to use '${suggestion}'`;
}

/** iTop's FindClosestString: exact match wins; else the LAST candidate within edit distance 3 of the best. */
export function findClosestString(input: string, dictionary: readonly string[]): string {
  let shortest = -1;
  let result = '';
  for (const candidate of dictionary) {
    const distance = levenshtein(input, candidate);
    if (distance === 0) return candidate;
    if (distance <= 3 && (shortest < 0 || distance <= shortest)) {
      result = candidate;
      shortest = distance;
    }
  }
  return result;
}

/** Plain Levenshtein distance (insert, delete, replace all cost 1), like PHP's levenshtein(). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const replace = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, replace);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Any OQL failure (parse error here, or the simulator's validation failures): one readable line. */
export function describeOqlError(error: { readonly kind: string; readonly exceptionClass: string; readonly message: string }): string {
  return `OQL ${error.kind} error (${error.exceptionClass}): ${error.message}`;
}

/** Number of bytes `text` takes in UTF-8: iTop's positions are PHP byte offsets. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i += 1;
    } else bytes += 3; // BMP character, or a lone surrogate (encoded as U+FFFD)
  }
  return bytes;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
