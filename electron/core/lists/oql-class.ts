/**
 * The class an OQL query returns: `SELECT UserRequest AS u JOIN …` → UserRequest, and the alias form
 * `SELECT u FROM UserRequest AS u …` → UserRequest. Undefined when the text does not start like a SELECT.
 * (Keywords are upper-case only in OQL, itop-rest.md §5.5, so no case folding.)
 */
const SIMPLE = /^\s*SELECT\s+`?([A-Za-z_][A-Za-z0-9_]*)`?(?:\s+AS\s+`?([A-Za-z_][A-Za-z0-9_]*)`?)?(\s+FROM\b)?/;
const FROM = /\bFROM\s+`?([A-Za-z_][A-Za-z0-9_]*)`?(?:\s+AS\s+`?([A-Za-z_][A-Za-z0-9_]*)`?)?/g;
const JOIN = /\bJOIN\s+`?([A-Za-z_][A-Za-z0-9_]*)`?\s+AS\s+`?([A-Za-z_][A-Za-z0-9_]*)`?/g;

export function selectedClass(oql: string): string | undefined {
  const head = SIMPLE.exec(oql);
  if (!head) return undefined;
  const [, first, , from] = head;
  if (!from) return first;
  // "SELECT alias FROM Class AS alias JOIN Other AS o": find which declared class carries the alias.
  const aliases = new Map<string, string>();
  for (const m of oql.matchAll(FROM)) if (m[1]) aliases.set(m[2] ?? m[1], m[1]);
  for (const m of oql.matchAll(JOIN)) if (m[1] && m[2]) aliases.set(m[2], m[1]);
  return first ? aliases.get(first) ?? first : undefined;
}
