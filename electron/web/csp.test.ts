import { describe, it, expect } from 'vitest';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { securityHeaders } from './security-headers';

const root = fileURLToPath(new URL('../..', import.meta.url));
const metaCsp = (html: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';

/** Electron loads the renderer over file://, where only the <meta> CSP applies (electron-runtime-traps.md). */
describe('content security policy', () => {
  it('the renderer page carries a strict meta CSP', async () => {
    const csp = metaCsp(await readFile(`${root}renderer/index.html`, 'utf8'));
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain('connect-src \'self\' ws://127.0.0.1:*');
    expect(csp).not.toMatch(/unsafe-(eval|inline)/);
  });

  it('the built page keeps it and has no inline script', async () => {
    const built = `${root}out/renderer/index.html`;
    if (!existsSync(built)) return; // unit tests run before `npm run build` in `npm test`; e2e covers the build
    const html = await readFile(built, 'utf8');
    expect(metaCsp(html)).not.toMatch(/unsafe-(eval|inline)/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('the web host header narrows connect-src to its own socket', () => {
    const headers = securityHeaders('http://127.0.0.1:4572');
    expect(headers['Content-Security-Policy']).toContain("connect-src 'self' ws://127.0.0.1:4572");
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(headers['Content-Security-Policy']).not.toMatch(/unsafe-(eval|inline)/);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });
});
