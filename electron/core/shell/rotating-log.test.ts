import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIN_SECRET_LENGTH, REDACTED, redactSecrets } from './redact';
import { createRotatingLog } from './rotating-log';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotating-log-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('secret redaction', () => {
  it('removes known secret values, also URL-encoded', () => {
    expect(redactSecrets('login with p@ss w0rd! and p%40ss%20w0rd!', ['p@ss w0rd!'])).toBe(`login with ${REDACTED} and ${REDACTED}`);
  });

  it('removes credentials by their shape', () => {
    const line = 'POST rest.php auth_user=cti&auth_pwd=hunter22&json_data={} {"password":"abc","token": "t0k"} Authorization: Bearer eyJhbGciOi https://cti:pw@itop.example.com/x';
    const out = redactSecrets(line, []);
    for (const secret of ['hunter22', '"abc"', 't0k', 'eyJhbGciOi', ':pw@']) expect(out).not.toContain(secret);
    expect(out).toContain('auth_user=cti');
    expect(out).toContain('https://cti:***@itop.example.com/x');
  });

  it('never lets a known secret through, wherever it sits in the text (fuzz)', () => {
    const secret = fc.string({ minLength: MIN_SECRET_LENGTH, maxLength: 40 }).filter((s) => !s.includes('*'));
    fc.assert(
      fc.property(fc.string(), secret, fc.string(), fc.string(), (before, value, between, after) => {
        const out = redactSecrets(`${before}${value}${between}${value}${after}`, [value]);
        expect(out.includes(value)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('rotating log', () => {
  it('writes timestamped lines without secrets and without line breaks from the message', async () => {
    const log = createRotatingLog({ dir, name: 'companion', maxBytes: 10_000, keep: 2, now: () => new Date('2026-03-04T05:06:07.000Z'), secrets: () => ['TopSecretPw'] });
    log.info('login as cti with TopSecretPw\nforged line', { token: 'abcd1234' });
    log.warn('second');
    await log.flush();
    const lines = (await readFile(join(dir, 'companion.log'), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^2026-03-04T05:06:07\.000Z INFO login as cti with \*\*\*\\nforged line/);
    expect(lines.join()).not.toContain('TopSecretPw');
    expect(lines.join()).not.toContain('abcd1234');
    expect(lines[1]).toMatch(/ WARN second$/);
  });

  it('rotates by size and keeps only the configured number of old files', async () => {
    const log = createRotatingLog({ dir, name: 'companion', maxBytes: 200, keep: 2, now: () => new Date(0), secrets: () => [] });
    for (let i = 0; i < 30; i += 1) log.info(`line ${String(i).padStart(3, '0')} ${'x'.repeat(40)}`);
    await log.flush();
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(['companion.1.log', 'companion.2.log', 'companion.log']);
    for (const f of files) expect((await readFile(join(dir, f))).length).toBeLessThanOrEqual(200);
    expect(await readFile(join(dir, 'companion.log'), 'utf8')).toContain('line 029');
  });

  it('never throws into the caller when the disk fails', async () => {
    const log = createRotatingLog({ dir: join(dir, 'file-not-dir', '\0bad'), name: 'x', maxBytes: 100, keep: 1, now: () => new Date(0), secrets: () => [] });
    expect(() => log.error('still fine')).not.toThrow();
    await expect(log.flush()).resolves.toBeUndefined();
  });
});
