import { z } from 'zod';

/**
 * Electronegativity's findings held against the checked-in review file: every finding must
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

const Severity = z.enum(['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL']);
const Level = z.object({ name: z.string() });

/** One issue as the tool's programmatic entry returns it (`run(options).issues`); global checks have file `N/A`. */
const ToolIssue = z.object({
  id: z.string().min(1),
  severity: z.object({ name: Severity }),
  confidence: Level,
  file: z.string().nullish(),
  location: z.object({ line: z.number(), column: z.number() }).nullish(),
  sample: z.string().nullish(),
});
const ToolResult = z.object({ issues: z.array(ToolIssue) });

/** The tool's result as JSON (`{ issues: [...] }`), validated: a changed shape is an error, never "no finding". */
export function parseFindingsJson(text: string): EnFinding[] {
  const parsed = ToolResult.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`not an Electronegativity result: ${parsed.error.message}`);
  return parsed.data.issues.map((i) => ({
    check: i.id,
    severity: i.severity.name,
    confidence: i.confidence.name,
    file: i.file ?? 'N/A',
    location: i.location ? `${i.location.line}:${i.location.column}` : 'N/A',
    sample: i.sample ?? '',
  }));
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
