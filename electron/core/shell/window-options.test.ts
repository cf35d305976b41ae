import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findCspMeta, parseCsp, rendererCspProblems } from './csp';
import { mainWindowOptions, ringPopupHash, ringPopupOptions, SECURE_WEB_PREFERENCES } from './window-options';

const rendererHtml = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');

describe('window options', () => {
  it('keep every window isolated, sandboxed and without Node', () => {
    for (const options of [
      mainWindowOptions({ preload: '/app/out/main/preload.cjs', title: 't' }),
      ringPopupOptions({ preload: '/app/out/main/preload.cjs', title: 't', bounds: { x: 0, y: 0, width: 300, height: 200 }, alwaysOnTop: true }),
    ]) {
      expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true, allowRunningInsecureContent: false });
      expect(options.webPreferences?.preload).toBe('/app/out/main/preload.cjs');
      expect(options.show).toBe(false);
    }
  });

  it('cannot be weakened by the caller', () => {
    expect(Object.isFrozen(SECURE_WEB_PREFERENCES)).toBe(true);
  });

  it('make the ring pop-up frameless, out of the task bar, at the given place, on top only when asked', () => {
    const bounds = { x: 1500, y: 800, width: 380, height: 220 };
    const onTop = ringPopupOptions({ preload: 'p', title: 't', bounds, alwaysOnTop: true });
    expect(onTop).toMatchObject({ ...bounds, frame: false, skipTaskbar: true, resizable: false, alwaysOnTop: true });
    expect(ringPopupOptions({ preload: 'p', title: 't', bounds, alwaysOnTop: false }).alwaysOnTop).toBe(false);
  });

  it('route a pop-up to its call with the id encoded', () => {
    expect(ringPopupHash('a b&c#d')).toBe('ring-popup?call=a%20b%26c%23d');
  });
});

describe('renderer CSP', () => {
  it('the renderer page carries a strict CSP meta tag (file:// pages get no header)', () => {
    expect(findCspMeta(rendererHtml)).toHaveLength(1);
    expect(rendererCspProblems(rendererHtml)).toEqual([]);
    expect(parseCsp(findCspMeta(rendererHtml)[0] ?? '').get('script-src')).toEqual(["'self'"]);
  });

  it('reports a missing tag, inline scripts, eval and plugins', () => {
    expect(rendererCspProblems('<html><head></head></html>')[0]).toMatch(/no <meta/);
    const weak = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'">`;
    const problems = rendererCspProblems(weak);
    expect(problems).toContain("script-src allows 'unsafe-inline'");
    expect(problems).toContain("script-src allows 'unsafe-eval'");
    expect(problems).toContain("object-src must be 'none'");
    expect(problems.some((p) => p.startsWith('base-uri'))).toBe(true);
  });

  it('reads the first of repeated directives, as browsers do', () => {
    expect(parseCsp("script-src 'self'; script-src *").get('script-src')).toEqual(["'self'"]);
  });
});
