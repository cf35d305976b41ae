import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { parseFindingsJson, type EnFinding } from './electronegativity-findings';

/**
 * Runs @doyensec/electronegativity (pinned in package.json) on the shell's sources: every electron/**.ts but
 * tests, test helpers and the checks themselves, plus the renderer page (its CSP meta tag). Offline: the tool
 * only warns that it cannot fetch Electron's release list. The Electron version is the installed one, so the
 * tool judges against that version's defaults, not v0.1's.
 *
 * Through the tool's own programmatic entry (its package `main`), in a child process, not its CLI's `-o x.csv`:
 * the CLI writes the CSV header and the rows with two concurrent `fs.writeFile` calls ('w' then 'a'), so on a
 * loaded machine the header's truncation can land last and the report holds no finding at all (seen in CI:
 * an insecure window reported clean). See dist/util/file.js `writeIssues`/`writeCsvHeader`.
 */
const SKIP = /(\.test\.ts$|(^|\/)(testing|__fixtures__)\/|^electron\/(security|build-check)\/)/;
const require = createRequire(import.meta.url);

/** Child script: run the scan, write its issues as JSON once it has finished (argv: tool, input, version, out). */
const CHILD = `
const [tool, input, version, out] = process.argv.slice(1);
require(tool)({ input, isSarif: false, customScan: [], excludeFromScan: [], isRelative: true, isVerbose: false,
  electronVersionOverride: version, parserPlugins: [] }, false)
  .then((result) => require('node:fs').writeFileSync(out, JSON.stringify(result)))
  .catch((error) => { console.error(error && error.stack || error); process.exitCode = 1; });
`;

async function shellSources(root: string, dir = join(root, 'electron')): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map(async (e) => (e.isDirectory() ? shellSources(root, join(dir, e.name)) : [join(dir, e.name)])));
  return nested.flat().map((f) => relative(root, f).split(sep).join('/')).filter((f) => f.endsWith('.ts') && !SKIP.test(f));
}

export async function runElectronegativity(root: string): Promise<EnFinding[]> {
  const stage = await mkdtemp(join(tmpdir(), 'electronegativity-'));
  try {
    for (const file of [...(await shellSources(root)), 'renderer/index.html']) {
      await mkdir(dirname(join(stage, 'src', file)), { recursive: true });
      await cp(join(root, file), join(stage, 'src', file));
    }
    const tool = require.resolve('@doyensec/electronegativity');
    const electron = (JSON.parse(await readFile(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
    const report = join(stage, 'report.json');
    await promisify(execFile)(process.execPath, ['-e', CHILD, tool, join(stage, 'src'), electron, report], { maxBuffer: 16 * 1024 * 1024 });
    return parseFindingsJson(await readFile(report, 'utf8'));
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
