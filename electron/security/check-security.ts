/**
 * `npm run check:security` (tsx electron/security/check-security.ts), part of `npm test`: Electronegativity on
 * the shell's sources, held against electron/security/electronegativity-review.json (exit 1 on any HIGH or
 * unreviewed finding), then the project's own rules for what it does not check (exit 1 on any high one).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatVerdict, judgeFindings, ReviewFile } from './electronegativity-findings';
import { runElectronegativity } from './electronegativity-run';
import { formatFindings, scanShell, type ScannedFile } from './scan-rules';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SKIP = /(\.test\.ts$|\/testing\/|^electron\/security\/|^electron\/build-check\/)/;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
}

const read = (absolute: string): ScannedFile => ({ path: relative(root, absolute).split(sep).join('/'), text: readFileSync(absolute, 'utf8') });

export function collectShellFiles(): { sources: ScannedFile[]; built: ScannedFile[]; expectBuilt: string[] } {
  const sources = walk(join(root, 'electron'))
    .filter((f) => f.endsWith('.ts'))
    .map(read)
    .filter((f) => !SKIP.test(f.path));
  const expectBuilt = ['out/main/main.cjs', 'out/main/preload.cjs'];
  const built = expectBuilt.filter((p) => existsSync(join(root, p))).map((p) => read(join(root, p)));
  const html = ['out/renderer/index.html', 'renderer/index.html'].find((p) => existsSync(join(root, p)));
  if (html) built.push(read(join(root, html)));
  return { sources, built, expectBuilt };
}

export const REVIEW_FILE = join(root, 'electron/security/electronegativity-review.json');

async function main(): Promise<void> {
  const review = ReviewFile.parse(JSON.parse(readFileSync(REVIEW_FILE, 'utf8')));
  const verdict = judgeFindings(await runElectronegativity(root), review);
  console.log(formatVerdict(verdict));
  const findings = scanShell(collectShellFiles());
  console.log(formatFindings(findings));
  process.exitCode = verdict.blocking.length > 0 || findings.some((f) => f.severity === 'high') ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
