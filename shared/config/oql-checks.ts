import { parseOql } from '../oql';
import { issue, joinPath, type ConfigIssue } from './issues';
import { defaultCallerInformation } from './telephony-defaults';
import type { CreationEntry, TelephonyConfig } from './telephony';

/** Placeholders the companion binds itself when it runs a configured query. */
export const COMPANION_PLACEHOLDERS: readonly string[] = [
  'phone',
  'phone_e164',
  'phone_national',
  'phone_digits_like',
  'callers_list',
  'selected_caller',
  'caller_name',
];

// iTop resolves these itself, even through REST (itop-rest.md §5.1). `:current_user_id` is NOT one of them.
const ITOP_MAGIC = /^(current_contact_id|current_(user|contact)->[A-Za-z_][A-Za-z0-9_]*)$/;
const LOOKS_LIKE_OQL = /^\s*select\s/i;
const LONE_PLACEHOLDER = /^\s*:([A-Za-z_][A-Za-z0-9_]*(?:->[A-Za-z_][A-Za-z0-9_]*)?)\s*$/;

export function placeholderNames(telephony: TelephonyConfig): Set<string> {
  return new Set([...COMPANION_PLACEHOLDERS, ...Object.values(telephony.url_parameters)]);
}

/** Why `query` cannot run, or null when it parses and uses only placeholders we (or iTop) can fill. */
export function checkQuery(query: string, allowed: ReadonlySet<string>): string | null {
  if (query.trim() === '') return 'the query is empty';
  const parsed = parseOql(query);
  if (!parsed.ok) {
    const { exceptionClass, message } = parsed.error;
    return `iTop would reject this OQL: ${exceptionClass}: ${message}`;
  }
  const unknown = parsed.placeholders.map((p) => p.replace(/^:/, '')).filter((p) => !isAllowed(p, allowed));
  if (unknown.length === 0) return null;
  return `unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((p) => `:${p}`).join(', ')} ` +
    `(iTop would answer "Missing query argument"); known: ${[...allowed].map((p) => `:${p}`).join(', ')}, ` +
    ':current_contact_id, :current_user->attribute, :current_contact->attribute';
}

const isAllowed = (name: string, allowed: ReadonlySet<string>) => allowed.has(name) || ITOP_MAGIC.test(name);

/**
 * Checks every OQL of the block. A broken caller query is replaced by the extension's default, a broken
 * list is disabled (its text is kept so the admin can fix it), a broken preset is not applied.
 */
export function checkTelephonyOql(
  telephony: TelephonyConfig,
  basePath = 'telephony',
): { telephony: TelephonyConfig; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const allowed = placeholderNames(telephony);

  let callerInformation = telephony.caller_information;
  const callerProblem = checkQuery(callerInformation.query, allowed);
  if (callerProblem) {
    issues.push(issue(joinPath(basePath, ['caller_information', 'query']), 'error', `${callerProblem}; the extension's default query is used instead`));
    callerInformation = { ...callerInformation, query: defaultCallerInformation().query };
  }

  const lists = telephony.display_tickets.lists.map((list, index) => {
    const problem = checkQuery(list.query, allowed);
    if (!problem) return list;
    const path = joinPath(basePath, ['display_tickets', 'lists', index, 'query']);
    issues.push(issue(path, 'error', `${problem}; this list is disabled until the query is fixed`));
    return { ...list, enabled: false };
  });

  const checkCreation = (section: 'direct_creation' | 'indirect_creation') =>
    Object.fromEntries(
      Object.entries(telephony[section]).map(([className, entry]) => [
        className,
        checkPresets(entry, allowed, joinPath(basePath, [section, className, 'preset']), issues),
      ]),
    );

  return {
    telephony: {
      ...telephony,
      caller_information: callerInformation,
      display_tickets: { lists },
      direct_creation: checkCreation('direct_creation'),
      indirect_creation: checkCreation('indirect_creation'),
    },
    issues,
  };
}

function checkPresets(entry: CreationEntry, allowed: ReadonlySet<string>, path: string, issues: ConfigIssue[]): CreationEntry {
  const preset: Record<string, string> = {};
  for (const [attribute, value] of Object.entries(entry.preset)) {
    const lone = LONE_PLACEHOLDER.exec(value);
    let problem: string | null = null;
    if (lone) {
      const name = lone[1] as string;
      if (!isAllowed(name, allowed)) problem = `unknown placeholder :${name}`;
    } else if (LOOKS_LIKE_OQL.test(value)) {
      problem = checkQuery(value, allowed);
    }
    if (problem) issues.push(issue(joinPath(path, [attribute]), 'error', `${problem}; this preset is not applied`));
    else preset[attribute] = value;
  }
  return { ...entry, preset };
}
