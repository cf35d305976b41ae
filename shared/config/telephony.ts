import type { z } from 'zod';
import { describeValue, issue, joinPath, type ConfigIssue } from './issues';
import { parseWithFallback } from './repair';
import { TelephonyParameters, type EcallParameters, type CreationEntryParameters } from './telephony-schema';

/** Keys such as `label/FR FR`: iTop's language code after the slash. */
export type LocalizedLabelKey = `label/${string}`;
export interface LabelledEntry {
  readonly label: string;
  readonly [localized: LocalizedLabelKey]: string;
}

export interface CallerInformation extends LabelledEntry {
  readonly query: string;
  /** Attribute codes shown for each caller, from the extension's comma list. */
  readonly display_name: readonly string[];
}

export interface CreationEntry {
  readonly enabled: boolean;
  /** Attribute code → value, OQL, `:placeholder` or text with `$datetime$`; order as configured. */
  readonly preset: Readonly<Record<string, string>>;
}

export interface TicketList extends LabelledEntry {
  readonly enabled: boolean;
  readonly query: string;
}

export interface EcallAction {
  /** 1.2 action name (`phone`, `mobile_phone`…), or `legacy` for the 1.1 form (iTop's menu code suffix). */
  readonly name: string;
  readonly icon: string;
  /** URL parameter → Person attribute code. */
  readonly attributes: Readonly<Record<string, string>>;
  /** True when it came from the 1.1 form; export writes it back the same way. */
  readonly legacy: boolean;
}

export interface EcallConfig {
  readonly url: string;
  readonly actions: readonly EcallAction[];
}

/** The extension's module parameters, typed. Record key order is the configured order ("first enabled entry"). */
export interface TelephonyConfig {
  readonly url_parameters: Readonly<Record<string, string>>;
  readonly caller_information: CallerInformation;
  readonly direct_creation: Readonly<Record<string, CreationEntry>>;
  readonly indirect_creation: Readonly<Record<string, CreationEntry>>;
  readonly display_tickets: { readonly lists: readonly TicketList[] };
  /** Null when not configured: no click-to-call from tickets. */
  readonly ecall_parameters: EcallConfig | null;
}

export const LEGACY_ECALL_ACTION = 'legacy';
export const LEGACY_ECALL_ICON = 'fas fa-phone';
const LOCALIZED_LABEL = /^label\/.+$/;

/** Reads the extension block from any source (JSON file, PHP or XML import); never throws. */
export function parseTelephony(raw: unknown, basePath = 'telephony'): { telephony: TelephonyConfig; issues: ConfigIssue[] } {
  const repaired = parseWithFallback(TelephonyParameters, raw, basePath);
  const issues = [...repaired.issues];
  return { telephony: normalizeTelephony(repaired.value, basePath, issues), issues };
}

export function normalizeTelephony(
  parameters: TelephonyParameters,
  basePath = 'telephony',
  issues: ConfigIssue[] = [],
): TelephonyConfig {
  const info = parameters.caller_information;
  return {
    url_parameters: { ...parameters.url_parameters },
    caller_information: {
      ...pickLabels(info, ['query', 'display_name'], joinPath(basePath, ['caller_information']), issues),
      query: info.query,
      display_name: splitDisplayName(info.display_name),
    },
    direct_creation: normalizeCreation(parameters.direct_creation),
    indirect_creation: normalizeCreation(parameters.indirect_creation),
    display_tickets: {
      lists: parameters.display_tickets.lists.map((list, index) => ({
        ...pickLabels(list, ['enabled', 'query'], joinPath(basePath, ['display_tickets', 'lists', index]), issues),
        enabled: list.enabled,
        query: list.query,
      })),
    },
    ecall_parameters: parameters.ecall_parameters ? normalizeEcall(parameters.ecall_parameters) : null,
  };
}

export function splitDisplayName(list: string): string[] {
  return list.split(',').map((part) => part.trim()).filter((part) => part !== '');
}

function normalizeCreation(entries: Record<string, z.output<typeof CreationEntryParameters>>): Record<string, CreationEntry> {
  return Object.fromEntries(
    Object.entries(entries).map(([name, entry]) => [name, { enabled: entry.enabled, preset: { ...entry.preset } }]),
  );
}

function pickLabels(
  entry: Record<string, unknown> & { label: string },
  knownKeys: readonly string[],
  path: string,
  issues: ConfigIssue[],
): LabelledEntry {
  const labels: { label: string; [localized: LocalizedLabelKey]: string } = { label: entry.label };
  for (const [key, value] of Object.entries(entry)) {
    if (key === 'label' || knownKeys.includes(key)) continue;
    if (!LOCALIZED_LABEL.test(key)) {
      issues.push(issue(joinPath(path, [key]), 'warning', `unknown key "${key}" is ignored`));
    } else if (typeof value === 'string') {
      labels[key as LocalizedLabelKey] = value;
    } else {
      issues.push(issue(joinPath(path, [key]), 'error', `a localized label must be a string (got ${describeValue(value)}); it is ignored`));
    }
  }
  return labels;
}

function normalizeEcall(ecall: z.output<typeof EcallParameters>): EcallConfig {
  const entries = Object.entries(ecall.url_parameters);
  const isLegacy = entries.every(([, value]) => typeof value === 'string');
  if (isLegacy) {
    const attributes = Object.fromEntries(entries) as Record<string, string>;
    return { url: ecall.url, actions: [{ name: LEGACY_ECALL_ACTION, icon: LEGACY_ECALL_ICON, attributes, legacy: true }] };
  }
  const actions = entries.flatMap(([name, action]) =>
    typeof action === 'string' ? [] : [{ name, icon: action.icon, attributes: { ...action.attributes }, legacy: false }],
  );
  return { url: ecall.url, actions };
}
