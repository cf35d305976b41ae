import type { z } from 'zod';
import { describeValue, issue, joinPath, type ConfigIssue, type PathSegment } from './issues';
import { clonePlain, isPlainObject, ownValue, valueAt } from './plain-data';

const REMOVED = Symbol('removed');
const MAX_ROUNDS = 40;

interface Pending {
  readonly segments: PathSegment[];
  reason: string;
  dropsEntry: boolean;
}

export interface Repaired<T> {
  readonly value: T;
  readonly issues: ConfigIssue[];
}

/**
 * Parses `raw` with `schema`, and where a value is invalid removes it so the schema's default applies
 * (or, when the value is required and has no default, drops the enclosing list/map entry) until it parses.
 * Unknown keys are warnings. This is how a config with one typo still starts the app with everything else.
 * `schema` must accept `{}` (every key has a default) — that is the last resort for the whole section.
 */
export function parseWithFallback<S extends z.ZodType>(schema: S, raw: unknown, basePath: string): Repaired<z.output<S>> {
  const issues: ConfigIssue[] = [];
  const pending = new Map<string, Pending>();
  let current: unknown = clonePlain(raw ?? {});

  for (let round = 0; round < MAX_ROUNDS; round++) {
    const result = schema.safeParse(current);
    if (result.success) return { value: result.data, issues: [...issues, ...pendingIssues(pending, basePath, result.data)] };
    const removals: PathSegment[][] = [];
    for (const zodIssue of result.error.issues) {
      const segments = zodIssue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      if (zodIssue.code === 'unrecognized_keys') {
        for (const key of zodIssue.keys) {
          issues.push(issue(joinPath(basePath, [...segments, key]), 'warning', `unknown key "${key}" is ignored`));
          removals.push([...segments, key]);
        }
        continue;
      }
      const value = valueAt(current, segments);
      const id = JSON.stringify(segments);
      if (segments.length === 0) {
        issues.push(issue(basePath, 'error', `${zodIssue.message} (got ${describeValue(value)}); all its defaults are used`));
        current = {};
        removals.length = 0;
        break;
      }
      if (zodIssue.code === 'invalid_key') {
        const key = String(segments[segments.length - 1]);
        const why = zodIssue.issues[0]?.message ?? zodIssue.message;
        pending.set(id, { segments, reason: `the key "${key}" is invalid: ${why}`, dropsEntry: false });
        removals.push(segments);
      } else if (value !== undefined) {
        pending.set(id, { segments, reason: `${zodIssue.message} (got ${describeValue(value)})`, dropsEntry: false });
        removals.push(segments);
      } else {
        // Required and without default: the entry holding it cannot be used at all.
        const known = pending.get(id);
        if (known) known.dropsEntry = true;
        else pending.set(id, { segments, reason: 'this required value is missing', dropsEntry: true });
        removals.push(segments.slice(0, -1));
      }
    }
    for (const path of removals) current = markRemoved(current, path);
    current = stripRemoved(current);
  }
  // Unreachable with sound schemas; still never crash on bad input.
  issues.push(issue(basePath, 'error', 'could not be repaired; all its defaults are used'));
  return { value: schema.parse({}), issues };
}

function pendingIssues(pending: Map<string, Pending>, basePath: string, parsed: unknown): ConfigIssue[] {
  return [...pending.values()].map((p) => {
    const replacement = valueAt(parsed, p.segments);
    const outcome = p.dropsEntry
      ? `the entry ${joinPath(basePath, p.segments.slice(0, -1))} is ignored`
      : replacement === undefined
        ? 'it is ignored'
        : `the default ${describeValue(replacement)} is used instead`;
    return issue(joinPath(basePath, p.segments), 'error', `${p.reason}; ${outcome}`);
  });
}

function markRemoved(root: unknown, path: readonly PathSegment[]): unknown {
  if (path.length === 0) return {};
  const parent = valueAt(root, path.slice(0, -1));
  const last = path[path.length - 1] as PathSegment;
  if (Array.isArray(parent) && typeof last === 'number' && last < parent.length) parent[last] = REMOVED;
  else if (isPlainObject(parent) && ownValue(parent, last) !== undefined) parent[String(last)] = REMOVED;
  return root;
}

function stripRemoved(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== REMOVED).map(stripRemoved);
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== REMOVED).map(([k, v]) => [k, stripRemoved(v)]));
  }
  return value;
}
