import type { ConfigIssue } from '../../shared/config';
import type { AppStatus } from '../../shared/contract/views';

export interface CheckReport {
  readonly configFile?: string;
  readonly issues: readonly ConfigIssue[];
  readonly itop: AppStatus['itop'];
  readonly lists: { readonly label: string; readonly state: string; readonly error?: string }[];
}

export function formatCheckReport(report: CheckReport): string {
  const out: string[] = [`Configuration: ${report.configFile ?? '(no file: defaults + environment)'}`];
  if (report.issues.length === 0) out.push('  no issues');
  for (const i of report.issues) out.push(`  ${i.severity === 'error' ? 'ERROR' : 'warning'} ${i.path || '(root)'}: ${i.message}`);
  const it = report.itop;
  out.push('', `iTop ${it.url || '(not configured)'}: ${it.state}${it.message ? ` — ${it.message}` : ''}`);
  if (it.identity) out.push(`  agent: ${it.identity.name} (Person #${it.identity.personId}${it.identity.organization ? `, ${it.identity.organization}` : ''})`);
  for (const l of report.lists) out.push(`  list "${l.label}": ${l.state}${l.error ? ` — ${l.error}` : ''}`);
  return out.join('\n');
}
