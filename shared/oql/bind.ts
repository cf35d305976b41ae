import { err, fail, ok, type AppError, type Result } from '../result';

/**
 * The only way user or CTI input reaches OQL. iTop's REST API has no bound parameters (the `key` OQL is parsed
 * with no arguments), so values are inlined as escaped literals here, following iTop's own lexer:
 * a quoted literal may only contain `\\` and `\'` escapes and is unescaped with PHP `stripslashes`.
 */

/** A value for a `:name` placeholder. */
export type OqlParam =
  | string
  | number
  | { readonly like: string; readonly anywhere?: boolean }
  | { readonly likeRaw: string }
  | readonly (string | number)[];

/** Quotes a string as a single-quoted OQL literal: every `\` doubled first, then every `'` escaped. */
export function oqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * Escapes text so that MySQL LIKE matches it literally (iTop has no ESCAPE clause; `\` is MySQL's default).
 * The result is a LIKE pattern, not yet an OQL literal: pass it through `oqlString`.
 */
export function likeEscape(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/[%_]/g, (c) => `\\${c}`);
}

// iTop's magic placeholders, resolved by iTop itself for every REST query (itop-rest.md §5.1).
const MAGIC_SIMPLE = new Set(['current_contact_id']);
const MAGIC_OBJECTS = new Set(['current_user', 'current_contact']);
// Same shape as iTop's lexer rule `varname`: `:name` or `:name->attribute`.
const VARNAME = /^:([_a-zA-Z][_a-zA-Z0-9]*)(?:->([_a-zA-Z][_a-zA-Z0-9]*))?/;

/**
 * Replaces every `:name` placeholder outside string literals and backquoted names with the escaped literal
 * of `params[name]`. Magic placeholders (`:current_contact_id`, `:current_user->x`, `:current_contact->x`)
 * are left for iTop. A placeholder without a param is an error; a param that is never used is fine.
 */
export function bindOql(template: string, params: Readonly<Record<string, OqlParam>>): Result<string> {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i] as string;
    if (c === "'" || c === '"' || c === '`') {
      const end = endOfQuoted(template, i);
      if (end < 0) return fail('oql-bad-template', `The OQL template has an unterminated ${c} quote starting at offset ${i}.`);
      out += template.slice(i, end);
      i = end;
      continue;
    }
    const m = c === ':' ? VARNAME.exec(template.slice(i)) : null;
    if (!m) {
      out += c;
      i += 1;
      continue;
    }
    const [whole, name = '', attribute] = m;
    if (attribute !== undefined) {
      if (!MAGIC_OBJECTS.has(name)) {
        return fail('oql-bad-template', `The OQL placeholder '${whole}' cannot be bound: only :current_user->… and :current_contact->… take an attribute.`);
      }
      out += whole;
    } else if (MAGIC_SIMPLE.has(name)) {
      out += whole;
    } else {
      const literal = paramLiteral(name, params);
      if (!literal.ok) return literal;
      out += literal.value;
    }
    i += whole.length;
  }
  return ok(out);
}

/** Index just past the closing quote of the literal opening at `start`, or -1 when it never closes. */
function endOfQuoted(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i += 1) {
    const c = text[i];
    // Backquoted names have no escapes; string literals escape the quote and the backslash.
    if (c === '\\' && quote !== '`') i += 1;
    else if (c === quote) return i + 1;
  }
  return -1;
}

function paramLiteral(name: string, params: Readonly<Record<string, OqlParam>>): Result<string> {
  if (!Object.prototype.hasOwnProperty.call(params, name)) {
    return fail('oql-missing-param', `The OQL placeholder ':${name}' has no value (params given: ${Object.keys(params).join(', ') || 'none'}).`);
  }
  const r = literalOf(params[name]);
  return r.ok ? r : err<AppError>({ code: 'oql-bad-param', message: `OQL parameter ':${name}': ${r.error}` });
}

function literalOf(value: unknown): Result<string, string> {
  if (typeof value === 'string') return ok(oqlString(value));
  if (typeof value === 'number') return numberLiteral(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return err('an empty list cannot be used: OQL has no empty IN ().');
    const items: string[] = [];
    for (const [index, item] of value.entries()) {
      if (typeof item === 'string') {
        items.push(oqlString(item));
        continue;
      }
      if (typeof item !== 'number') return err(`list item ${index} is ${describe(item)}; lists take strings or integers.`);
      const r = numberLiteral(item);
      if (!r.ok) return err(`list item ${index}: ${r.error}`);
      items.push(r.value);
    }
    return ok(items.join(', '));
  }
  if (typeof value === 'object' && value !== null) {
    if ('like' in value && typeof value.like === 'string') {
      const anywhere = 'anywhere' in value && value.anywhere === true;
      const pattern = likeEscape(value.like);
      return ok(oqlString(anywhere ? `%${pattern}%` : pattern));
    }
    if ('likeRaw' in value && typeof value.likeRaw === 'string') return ok(oqlString(value.likeRaw));
  }
  return err(`expected a string, an integer, { like }, { likeRaw } or a non-empty list, got ${describe(value)}.`);
}

/** OQL's lexer only knows integer literals (`[0-9]+`, optionally preceded by `-`): no decimals, no exponent. */
function numberLiteral(n: number): Result<string, string> {
  if (!Number.isSafeInteger(n)) return err(`${String(n)} is not a safe integer; OQL has no decimal or exponent literal.`);
  return ok(String(n)); // String(-0) is '0'
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
