import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REVIEW_FILE } from './check-security';
import { formatVerdict, judgeFindings, parseFindingsJson, ReviewFile, type EnFinding } from './electronegativity-findings';
import { runElectronegativity } from './electronegativity-run';

const ROOT = join(import.meta.dirname, '../..');
const issue = (id: string, severity: string, file: string, line: number, sample: string) => ({
  id, severity: { value: 1, name: severity }, confidence: { value: 0, name: 'TENTATIVE' }, file, location: { line, column: 12 }, sample,
  description: 'Review, please', manualReview: true, shortenedURL: 'https://x',
});
const RESULT = JSON.stringify({
  globalChecks: 1,
  atomicChecks: 2,
  errors: [],
  issues: [
    issue('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'electron/adapters/external-opener.ts', 20, 'await shell.openExternal(a, "b");'),
    issue('NODE_INTEGRATION_JS_CHECK', 'HIGH', 'electron/main.ts', 3, 'new BrowserWindow({})'),
  ],
});

describe('Electronegativity findings against the review file', () => {
  it('reads the result of its programmatic entry, and refuses another shape instead of reading "no finding"', () => {
    expect(parseFindingsJson(RESULT)).toEqual([
      { check: 'OPEN_EXTERNAL_JS_CHECK', severity: 'MEDIUM', confidence: 'TENTATIVE', file: 'electron/adapters/external-opener.ts', location: '20:12', sample: 'await shell.openExternal(a, "b");' },
      { check: 'NODE_INTEGRATION_JS_CHECK', severity: 'HIGH', confidence: 'TENTATIVE', file: 'electron/main.ts', location: '3:12', sample: 'new BrowserWindow({})' },
    ]);
    expect(() => parseFindingsJson('{"findings": []}')).toThrow(/not an Electronegativity result/);
    expect(() => parseFindingsJson(JSON.stringify({ issues: [{ ...issue('X_CHECK', 'SEVERE', 'a.ts', 1, ''), severity: { name: 'SEVERE' } }] }))).toThrow(/not an Electronegativity result/);
  });

  it('blocks on any HIGH finding, even listed, and on any finding the review does not list; reports stale entries', () => {
    const findings = parseFindingsJson(RESULT);
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
