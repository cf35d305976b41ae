import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../shared/config';
import { fail, ok } from '../../../shared/result';
import { createDemoSwitch, type DemoLogin } from './demo-switch';

const own = validateConfig({ itop: { url: 'https://itop.example.com', user: 'agent', password: 'secret' }, cti: { token: 'x'.repeat(24) } }, { agentTimeZone: 'Europe/Paris' }).config;
const demoLogin: DemoLogin = { url: 'http://127.0.0.1:40123', user: 'cti', password: 'cti-password' };

describe('demo switch', () => {
  it("runs the simulator in place of the agent's iTop, saves the agent's own settings, starts the simulator once", async () => {
    let starts = 0;
    const demo = createDemoSwitch({ start: async () => (starts++, ok(demoLogin)) });
    expect(demo.available).toBe(true);
    const [a, b] = await Promise.all([demo.enter(own), demo.enter(own)]);
    expect(starts).toBe(1);
    if (!a.ok || !b.ok) throw new Error('not started');
    expect(a.value.itop).toMatchObject({ url: demoLogin.url, auth: 'password', user: 'cti', password: 'cti-password', token: '' });
    expect(demo.isDemo(a.value)).toBe(true);
    expect(demo.toSave(a.value).itop).toEqual(own.itop);
    // A save that leaves iTop alone keeps the demo running; one that edits iTop leaves it.
    const relabeled = { ...own, ui: { ...own.ui, language: 'fr' as const } };
    expect(demo.toRun(relabeled, false).itop.url).toBe(demoLogin.url);
    expect(demo.toRun(relabeled, true)).toBe(relabeled);
    expect(demo.isDemo(demo.toRun(relabeled, true))).toBe(false);
  });

  it('is not available without a simulator, and says why a start failed', async () => {
    const none = createDemoSwitch({});
    expect(none.available).toBe(false);
    expect(await none.enter(own)).toMatchObject({ ok: false, error: { code: 'demo-unavailable' } });
    const broken = createDemoSwitch({ start: async () => fail('demo-exited', 'the simulator exited (code 1)') });
    expect(await broken.enter(own)).toMatchObject({ ok: false, error: { message: 'the simulator exited (code 1)' } });
  });

  it("started by the host: the agent's own (empty) iTop settings are what a save writes", () => {
    const empty = { ...own, itop: { ...own.itop, url: '', user: '', password: '' } };
    const demo = createDemoSwitch({ started: { login: demoLogin, own: empty.itop } });
    const running = { ...empty, itop: { ...empty.itop, url: demoLogin.url, user: 'cti', password: 'cti-password' } };
    expect(demo.isDemo(running)).toBe(true);
    expect(demo.toSave(running).itop).toEqual(empty.itop);
  });
});
