import { z } from 'zod';

/**
 * Electronegativity's findings (its CSV report) held against the checked-in review file: every finding must
 * either be fixed or listed there with the reason it is acceptable; a HIGH one is never acceptable.
 */
export interface EnFinding {
  readonly check: string;
  readonly severity: 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL';
  readonly confidence: string;
  /** Repository-relative path with forward slashes (`N/A` for global checks without a file). */
  readonly file: string;
  readonly location: string;
  readonly sample: string;
}

export const ReviewFile = z.strictObject({
  reviewed: z.array(z.strictObject({
    check: z.string().regex(/^[A-Z_]+_CHECK$/),
    file: z.string().min(1),
    /** Why this finding is acceptable here, for the next security reviewer. */
    reason: z.string().min(20),
  })),
});
export type ReviewFile = z.infer<typeof ReviewFile>;

/** RFC 4180 fields: quoted fields may hold commas, newlines and doubled quotes. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

const SEVERITIES = new Set(['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL']);

/** The tool's `-o report.csv`: header `issue, severity, confidence, filename, location, sample, …`. */
export function parseFindingsCsv(text: string): EnFinding[] {
  const [header, ...rows] = csvRows(text);
  if (!header || header[0]?.trim() !== 'issue') throw new Error(`not an Electronegativity CSV report (header: ${header?.join(',') ?? 'none'})`);
  return rows.filter((r) => r.length >= 6 && r[0]).map((r) => {
    const severity = (r[1] ?? '').trim().toUpperCase();
    if (!SEVERITIES.has(severity)) throw new Error(`unknown severity "${severity}" for ${r[0]}`);
    return { check: (r[0] ?? '').trim(), severity: severity as EnFinding['severity'], confidence: (r[2] ?? '').trim(), file: (r[3] ?? '').trim(), location: (r[4] ?? '').trim(), sample: r[5] ?? '' };
  });
}

export interface Verdict {
  /** HIGH findings, and every finding the review file does not list: the run fails on any. */
  readonly blocking: readonly EnFinding[];
  readonly reviewed: readonly EnFinding[];
  /** Review entries nothing matched any more (fixed): to remove from the file. */
  readonly stale: ReviewFile['reviewed'];
}

export function judgeFindings(findings: readonly EnFinding[], review: ReviewFile): Verdict {
  const listed = (f: EnFinding) => review.reviewed.some((r) => r.check === f.check && r.file === f.file);
  const blocking = findings.filter((f) => f.severity === 'HIGH' || !listed(f));
  const reviewed = findings.filter((f) => f.severity !== 'HIGH' && listed(f));
  const stale = review.reviewed.filter((r) => !findings.some((f) => f.check === r.check && f.file === r.file));
  return { blocking, reviewed, stale };
}

export function formatVerdict(v: Verdict): string {
  const line = (f: EnFinding) => `${f.severity.padEnd(7)} ${f.check.padEnd(28)} ${f.file}:${f.location}  ${f.sample.replace(/\s+/g, ' ').slice(0, 100)}`;
  return [
    ...v.blocking.map((f) => `BLOCKING ${line(f)}`),
    ...v.reviewed.map((f) => `reviewed ${line(f)}`),
    ...v.stale.map((r) => `stale review entry (nothing matches it any more): ${r.check} ${r.file}`),
    `Electronegativity: ${v.blocking.length} blocking (HIGH or not reviewed), ${v.reviewed.length} reviewed, ${v.stale.length} stale review entries.`,
  ].join('\n');
}
