import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { parseFindingsCsv, type EnFinding } from './electronegativity-findings';

/**
 * Runs @doyensec/electronegativity (pinned in package.json) on the shell's sources: every electron/**.ts but
 * tests, test helpers and the checks themselves, plus the renderer page (its CSP meta tag). Offline: the tool
 * only warns that it cannot fetch Electron's release list. The Electron version is the installed one, so the
 * tool judges against that version's defaults, not v0.1's.
 */
const SKIP = /(\.test\.ts$|(^|\/)(testing|__fixtures__)\/|^electron\/(security|build-check)\/)/;
const require = createRequire(import.meta.url);

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
    const cli = require.resolve('@doyensec/electronegativity/dist/index.js');
    const electron = (JSON.parse(await readFile(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
    const report = join(stage, 'report.csv');
    await promisify(execFile)(process.execPath, [cli, '-i', join(stage, 'src'), '-r', '-v', 'false', '-e', electron, '-o', report], { maxBuffer: 16 * 1024 * 1024 });
    return parseFindingsCsv(await readFile(report, 'utf8'));
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
