import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawHttp, startWebHostHarness, statusOf, type WebHostHarness } from './testing/web-host-harness';

/**
 * The web host's request line and headers, not only bodies, under fast-check over raw TCP: any target,
 * cookie or header set is answered with a status (never a crash, never a 5xx), and only the exact own-origin
 * signed-in combination opens the contract socket or hands a link to the core.
 */
let h: WebHostHarness;
let cookie = '';
beforeAll(async () => {
  h = await startWebHostHarness();
  cookie = await h.signIn();
});
afterAll(() => h.stop());

// Printable ASCII plus the characters that broke URL parsing; no space/CR/LF (they end the request line).
const targetChar = fc.constantFrom(...'/[]:%?#@&=.;,+*!$\'()~_-abzAZ09\\|{}<>^`"'.split(''), '/', '//', '%zz', '%2F', '%00', 'é', '\u202e');
const target = fc.array(targetChar, { maxLength: 40 }).map((parts) => parts.join(''));
const headerValue = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 120 });
const request = (lines: string[]) => rawHttp(h.host.port, `${lines.join('\r\n')}\r\n\r\n`);

describe('fuzzing the web host', () => {
  it('answers any request target, plain or as an upgrade, with a status below 500', async () => {
    await fc.assert(
      fc.asyncProperty(target, fc.boolean(), async (t, upgrade) => {
        const lines = [`GET ${t || '/'} HTTP/1.1`, `Host: 127.0.0.1:${h.host.port}`, `Cookie: ${cookie}`, `Origin: ${h.host.origin}`, 'Connection: close'];
        if (upgrade) lines.push('Connection: Upgrade', 'Upgrade: websocket', 'Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==');
        const status = statusOf(await request(lines));
        expect(status).toBeGreaterThanOrEqual(100);
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    expect(statusOf(await request([`GET / HTTP/1.1`, `Host: 127.0.0.1:${h.host.port}`, `Cookie: ${cookie}`, 'Connection: close']))).toBe(200);
  });

  it('never signs in with an arbitrary Cookie header, and never opens the socket or takes a link with foreign headers', async () => {
    const headers = fc.record({ cookie: headerValue, origin: fc.option(headerValue), site: fc.option(fc.constantFrom('same-site', 'cross-site', 'none', 'same-origin', 'x')), host: fc.option(headerValue) });
    await fc.assert(
      fc.asyncProperty(headers, async (x) => {
        const common = [`Host: ${x.host ?? `127.0.0.1:${h.host.port}`}`, `Cookie: ${x.cookie}`, ...(x.origin === null ? [] : [`Origin: ${x.origin}`]), ...(x.site === null ? [] : [`Sec-Fetch-Site: ${x.site}`])];
        expect([400, 401, 403]).toContain(statusOf(await request(['GET / HTTP/1.1', ...common, 'Connection: close'])));
        const upgrade = ['GET /contract HTTP/1.1', ...common, 'Connection: Upgrade', 'Upgrade: websocket', 'Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=='];
        expect(statusOf(await request(upgrade))).not.toBe(101);
        // With the real cookie but the fuzzed Origin / fetch metadata: only our own origin passes.
        const link = ['GET /?link=tel%3A%2B33123456789 HTTP/1.1', `Host: 127.0.0.1:${h.host.port}`, `Cookie: ${cookie}`, ...common.slice(2), 'Connection: close'];
        const status = statusOf(await request(link));
        const own = (x.origin === null || x.origin === h.host.origin) && (x.site === null || x.site === 'none' || x.site === 'same-origin');
        expect(status).toBe(own ? 303 : status === 400 ? 400 : 403);
      }),
      { numRuns: 100 },
    );
  });
});
