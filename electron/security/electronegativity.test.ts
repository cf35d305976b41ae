import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REVIEW_FILE } from './check-security';
import { formatVerdict, judgeFindings, parseFindingsCsv, ReviewFile, type EnFinding } from './electronegativity-findings';
import { runElectronegativity } from './electronegativity-run';

const ROOT = join(import.meta.dirname, '../..');
const CSV = [
  'issue, severity, confidence, filename, location, sample, description, url',
  'OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","electron/adapters/external-opener.ts","20:12","await shell.openExternal(a, ""b"");","Review, please",https://x',
  'NODE_INTEGRATION_JS_CHECK,"HIGH","FIRM","electron/main.ts","3:1","new BrowserWindow({})","Disable nodeIntegration",https://y',
  '',
].join('\n');

describe('Electronegativity findings against the review file', () => {
  it('reads its CSV report, quoted commas and doubled quotes included', () => {
    expect(parseFindingsCsv(CSV)).toEqual([
      { check: 'OPEN_EXTERNAL_JS_CHECK', severity: 'MEDIUM', confidence: 'TENTATIVE', file: 'electron/adapters/external-opener.ts', location: '20:12', sample: 'await shell.openExternal(a, "b");' },
      { check: 'NODE_INTEGRATION_JS_CHECK', severity: 'HIGH', confidence: 'FIRM', file: 'electron/main.ts', location: '3:1', sample: 'new BrowserWindow({})' },
    ]);
    expect(() => parseFindingsCsv('not,a,report')).toThrow(/not an Electronegativity CSV report/);
  });

  it('blocks on any HIGH finding, even listed, and on any finding the review does not list; reports stale entries', () => {
    const findings = parseFindingsCsv(CSV);
    const reason = 'allow-listed adapter, unit-tested upstream';
    const review = ReviewFile.parse({ reviewed: [
      { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/adapters/external-opener.ts', reason },
      { check: 'NODE_INTEGRATION_JS_CHECK', file: 'electron/main.ts', reason },
      { check: 'PROTOCOL_HANDLER_JS_CHECK', file: 'electron/adapters/protocols.ts', reason },
    ] });
    const verdict = judgeFindings(findings, review);
    expect(verdict.blocking.map((f: EnFinding) => f.check)).toEqual(['NODE_INTEGRATION_JS_CHECK']);
    expect(verdict.reviewed.map((f) => f.check)).toEqual(['OPEN_EXTERNAL_JS_CHECK']);
    expect(verdict.stale.map((r) => r.check)).toEqual(['PROTOCOL_HANDLER_JS_CHECK']);
    expect(judgeFindings(findings.slice(0, 1), { reviewed: [] }).blocking).toHaveLength(1);
  });
});

describe('the pinned Electronegativity, offline, on real sources', () => {
  it('finds nothing blocking in this repository, and no stale review entry', async () => {
    const review = ReviewFile.parse(JSON.parse(await readFile(REVIEW_FILE, 'utf8')));
    const verdict = judgeFindings(await runElectronegativity(ROOT), review);
    expect(verdict.blocking, formatVerdict(verdict)).toEqual([]);
    expect(verdict.stale, formatVerdict(verdict)).toEqual([]);
  }, 120_000);

  it('reports a window created without contextIsolation (and a shell without navigation limits) as HIGH, blocking', async () => {
    const root = await mkdtemp(join(tmpdir(), 'en-insecure-'));
    try {
      await mkdir(join(root, 'electron'), { recursive: true });
      await mkdir(join(root, 'renderer'), { recursive: true });
      await cp(join(ROOT, 'renderer/index.html'), join(root, 'renderer/index.html'));
      await writeFile(join(root, 'electron/main.ts'), "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n");
      const findings = await runElectronegativity(root);
      const high = findings.filter((f) => f.severity === 'HIGH').map((f) => `${f.check} ${f.file}`);
      // No guards at all in this main process, so the missing navigation limits are HIGH too.
      expect(high.sort(), JSON.stringify(findings)).toEqual(['CONTEXT_ISOLATION_JS_CHECK electron/main.ts', 'LIMIT_NAVIGATION_GLOBAL_CHECK N/A']);
      expect(judgeFindings(findings, ReviewFile.parse(JSON.parse(await readFile(REVIEW_FILE, 'utf8')))).blocking.length).toBeGreaterThanOrEqual(2);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 120_000);
});
