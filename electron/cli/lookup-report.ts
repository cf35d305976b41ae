import type { CallerMatch, TicketListView } from '../../shared/contract/views';
import { explainNormalization, type ExternalNumber } from '../../shared/phone';
import { defaultSelection, selectedCallerIds } from '../core/lookup/chooser';
import { defaultSelectionFor } from '../core/app/switchboard';
import type { IndexStatus } from '../core/lookup/index-service';
import type { LookupKit } from '../core/app/lookup-kit';
import { NO_CALLERS } from '../core/lookup/found-callers';
import { toNumberView } from '../core/app/number-view';
import type { NumberView } from '../../shared/contract/views';

/** Everything `cti lookup` prints, as plain data (`--json` prints exactly this). */
export interface LookupReport {
  readonly input: string;
  readonly steps: string[];
  readonly number: NumberView;
  readonly index: IndexStatus & { readonly error?: string };
  readonly query?: { readonly oql: string; readonly error?: string };
  /** Each match with its confidence, the stored value's certainty and reason, and `why` in words. */
  readonly callers: (CallerMatch & { readonly why: string })[];
  readonly selection: string;
  readonly lists: TicketListView[];
}

/** Runs the real pipeline for one number: normalization, index (built now), caller query, lists. */
export async function runLookup(kit: LookupKit, raw: string): Promise<LookupReport> {
  const { steps, result } = explainNormalization(raw, kit.phone);
  const number = toNumberView(raw, result, kit.phone.defaultRegion);
  const built = await kit.index.rebuild();
  const index = built.ok ? built.value : { ...kit.index.status(), error: built.error };
  if (result.kind !== 'external') return { input: raw, steps, number, index, callers: [], selection: 'unknown', lists: [] };
  const input = { raw, number: result as ExternalNumber };
  const outcome = kit.callers.lookup(input);
  let found = outcome.immediate ?? NO_CALLERS;
  let query: LookupReport['query'];
  if (outcome.pending) {
    const merged = await outcome.pending;
    if (merged.ok) found = merged.value;
    query = { oql: outcome.oql ?? '(not built)', ...(merged.ok ? {} : { error: merged.error }) };
  }
  const callers = found.matches.map((m) => ({ ...m, why: whyMatched(m) }));
  const selection = defaultSelectionFor(found, defaultSelection);
  const ids = selectedCallerIds(selection, callers);
  const lists = await kit.lists.load(`cli|${ids.join(',')}`, ids, kit.callers.placeholders(input));
  const label = selection.kind === 'person' ? `person ${selection.personId}` : selection.kind;
  return { input: raw, steps, number, index, ...(query ? { query } : {}), callers, selection: label, lists };
}

/** The report as an admin reads it in a terminal. */
export function formatLookupReport(report: LookupReport): string {
  const out: string[] = [`Number "${report.input}"`];
  for (const step of report.steps) out.push(`  · ${step}`);
  out.push(`  → ${report.number.kind}${report.number.e164 ? ` ${report.number.e164}` : ''} (shown as "${report.number.display}")`);
  if (report.number.problem) out.push(`  ! ${report.number.problem}`);
  const ix = report.index;
  out.push('', ix.error ? `Phone index: NOT built — ${ix.error}` : `Phone index: ${ix.persons} persons, ${ix.numbers} numbers${ix.buildMs !== undefined ? ` (built in ${Math.round(ix.buildMs)} ms)` : ''}`);
  if (report.query) out.push(`iTop query: ${report.query.oql}${report.query.error ? `\n  ! ${report.query.error}` : ''}`);
  out.push('', report.callers.length === 0 ? 'Callers: nobody matches (the agent sees "Unknown contact")' : `Callers (${report.callers.length}):`);
  for (const c of report.callers) {
    const via = c.matchedAttribute ? ` via ${c.matchedAttribute}` : '';
    out.push(`  [${c.confidence}${via}] #${c.personId} ${c.display.join(', ')}${c.inactive ? ' (inactive)' : ''}`);
    out.push(`      why: ${c.why}`);
    for (const p of c.phones) out.push(`      ${p.attribute}: ${p.raw}`);
  }
  out.push('', `Selection: ${report.selection}`);
  if (report.lists.length === 0) out.push('Ticket lists: none (no caller selected)');
  for (const list of report.lists) {
    const head = `List "${list.label}": ${list.state}`;
    if (list.state !== 'done') {
      out.push(`${head}${list.error ? ` — ${list.error}` : ''}`);
      continue;
    }
    out.push(`${head}, ${list.total ?? list.tickets.length} ticket(s)`);
    for (const t of list.tickets) out.push(`  ${t.ref}  [${t.status}${t.priority ? ` P${t.priority}` : ''}]  ${t.title}${t.callerName ? ` — ${t.callerName}` : ''}`);
  }
  return out.join('\n');
}

const REASONS: Record<NonNullable<CallerMatch['reason']>, string> = {
  'same-number': 'same number (E.164)',
  'other-reading': 'equals the other reading of the received digits (they read two ways)',
  'last-digits-uncertain-stored': 'only the last digits are equal, and the stored number is uncertain',
  'last-digits-uncertain-received': 'only the last digits are equal, and the received number is uncertain',
  'caller-query': 'returned by the caller query; none of its numbers matches',
};

/** One match explained: which stored value, how sure its reading is, why it matched, what the agent sees. */
export function whyMatched(m: CallerMatch): string {
  const stored = m.matchedRaw !== undefined ? `stored "${m.matchedRaw}"${m.certainty ? ` (${m.certainty})` : ''}: ` : '';
  const reason = m.reason ? REASONS[m.reason] : m.confidence;
  const shown = m.confidence === 'probable' ? ' — offered as "probable: check", never selected by default' : m.inactive ? ' — inactive: offered, never selected by default' : '';
  return `${stored}${reason}${shown}`;
}
