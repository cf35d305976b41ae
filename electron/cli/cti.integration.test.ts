import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoItop, type DemoItop } from './demo-itop';
import { EXIT } from './cli-args';
import { runCli } from './cti';

let sim: DemoItop;
beforeAll(async () => {
  const started = await startDemoItop();
  if (!started.ok) throw new Error(started.error.message);
  sim = started.value;
});
afterAll(async () => {
  await sim?.stop();
});

const run = async (argv: string[], env: Record<string, string> = {}) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: { ITOP_URL: sim.url, ITOP_USER: 'cti', ITOP_PASSWORD: 'cti-password', ...env } });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describe('cti CLI against the simulator', () => {
  it('lookup prints the steps, confirmed/probable callers with their attribute, and each list', async () => {
    const r = await run(['lookup', '0033123456789']);
    expect(r.code).toBe(EXIT.OK);
    expect(r.out).toMatch(/→ external \+33123456789/);
    expect(r.out).toMatch(/\[confirmed via phone\] #42 Camille Martin/);
    expect(r.out).toMatch(/why: stored "\+33 1 23 45 67 89" \(certain\): same number/);
    // Anna Müller's +49 151 23456789 ends with the same 8 digits, but both numbers are certain: not a match.
    expect(r.out).not.toMatch(/Anna Müller/);
    expect(r.out).toMatch(/Selection: person 42/);
    expect(r.out).toMatch(/List "User Requests opened for this caller": done/);
  });

  it('lookup --json shows each match\'s confidence, the stored value\'s certainty and the reason', async () => {
    // Lukas Schmidt's 030/1234568 (Globex, no Location, no orgRegions) is read as French: uncertain, so probable.
    const r = await run(['lookup', '+49 30 1234568', '--json']);
    const report = JSON.parse(r.out) as { callers: { name: string; confidence: string; certainty: string; reason: string; matchedRaw: string; why: string }[]; selection: string };
    expect(report.callers.find((c) => c.name === 'Lukas Schmidt')).toMatchObject({
      confidence: 'probable', certainty: 'uncertain', reason: 'last-digits-uncertain-stored', matchedRaw: '030/1234568', why: expect.stringMatching(/probable: check/),
    });
    expect(report.selection).toBe('unknown');
  });

  it('lookup --json gives the same report as data; nobody found exits 1', async () => {
    const r = await run(['lookup', '+33 9 99 99 99 91', '--json']);
    expect(r.code).toBe(EXIT.NOT_FOUND);
    const report = JSON.parse(r.out) as { number: { e164: string }; callers: unknown[]; lists: unknown[] };
    expect(report.number.e164).toBe('+33999999991');
    expect(report).toMatchObject({ callers: [], lists: [] });
  });

  it('check prints the agent identity; a wrong password is exit 4 with a clear message', async () => {
    const good = await run(['check']);
    expect(good.out).toMatch(/agent: Carla Tiago \(Person #40/);
    const bad = await run(['check'], { ITOP_PASSWORD: 'wrong' });
    expect(bad.code).toBe(EXIT.ITOP);
    expect(bad.out).toMatch(/login-refused/);
  });

  it('call without a running companion exits 5 and says so; usage errors exit 2', async () => {
    const r = await run(['call', '0123456789', '--port', '1', '--token', 'x'.repeat(20)]);
    expect(r.code).toBe(EXIT.COMPANION);
    expect(r.err).toMatch(/No companion answered/);
    expect((await run(['lookup'])).code).toBe(EXIT.USAGE);
  });
});
