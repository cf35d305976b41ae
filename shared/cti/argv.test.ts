import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseArgv } from './argv';

const exe = '/opt/iTop CTI Companion/itop-cti';

describe('parseArgv', () => {
  it('reads --call <n> and --call=<n> with --name', () => {
    expect(parseArgv([exe, '--call', '+33 1 23', '--name', 'Jane'])).toEqual({
      ok: true,
      value: { kind: 'incoming-call', number: '+33 1 23', withheld: false, displayName: 'Jane' },
    });
    expect(parseArgv([exe, '--call=+4930123'])).toMatchObject({ ok: true, value: { kind: 'incoming-call', number: '+4930123' } });
  });

  it('reads the 3CX macOS "-c %CallerNumber%" form and a MicroSIP bare number', () => {
    expect(parseArgv([exe, '-c', '0301234567'])).toMatchObject({ ok: true, value: { number: '0301234567' } });
    expect(parseArgv(['C:\\Program Files\\itop-cti.exe', '0301234567'])).toMatchObject({ ok: true, value: { kind: 'incoming-call', number: '0301234567' } });
  });

  it('reads --dial with --ticket', () => {
    expect(parseArgv([exe, '--dial', '+33123', '--ticket', 'R-000042'])).toEqual({ ok: true, value: { kind: 'dial', number: '+33123', ticket: 'R-000042' } });
    expect(parseArgv([exe, '--dial', '+33123', '--ticket', 'x y'])).toMatchObject({ ok: false, error: { code: 'argv-invalid-ticket' } });
  });

  it('reads a deep link delivered by Windows/Linux as the last argument, ignoring Chromium switches and the app path', () => {
    const argv = [exe, '.', '--allow-file-access-from-files', '--original-process-start-time=1337', 'itop-cti://dial?number=+33%201'];
    expect(parseArgv(argv)).toEqual({ ok: true, value: { kind: 'dial', number: '+33 1' } });
    expect(parseArgv([exe, 'tel:+4930123'])).toEqual({ ok: true, value: { kind: 'dial', number: '+4930123' } });
  });

  it('returns none when the command line asks for nothing', () => {
    expect(parseArgv([exe])).toEqual({ ok: true, value: { kind: 'none' } });
    expect(parseArgv([exe, '.', '--inspect=9229', '--enable-features=Foo'])).toEqual({ ok: true, value: { kind: 'none' } });
    expect(parseArgv([])).toEqual({ ok: true, value: { kind: 'none' } });
  });

  it('refuses missing values, unfilled macros and conflicting intents clearly', () => {
    expect(parseArgv([exe, '--call'])).toMatchObject({ ok: false, error: { code: 'argv-missing-value' } });
    expect(parseArgv([exe, '--call', '--name', 'x'])).toMatchObject({ ok: false, error: { code: 'argv-missing-value' } });
    expect(parseArgv([exe, '--call', '%CallerNumber%'])).toMatchObject({ ok: false, error: { code: 'unfilled-macro' } });
    expect(parseArgv([exe, '%CallerNumber%', '%CallerDisplayName%'])).toMatchObject({ ok: false, error: { code: 'unfilled-macro' } });
    expect(parseArgv([exe, '--call', '1234', '--dial', '5678'])).toMatchObject({ ok: false, error: { code: 'argv-ambiguous' } });
  });

  it('accepts the same call given twice (argv plus link of one launch)', () => {
    expect(parseArgv([exe, '--call', '1234', '--call=1234'])).toMatchObject({ ok: true, value: { number: '1234' } });
  });

  it('flags a withheld caller given on the command line', () => {
    expect(parseArgv([exe, '--call', 'anonymous'])).toMatchObject({ ok: true, value: { kind: 'incoming-call', withheld: true } });
  });

  it('never throws on arbitrary argv arrays', () => {
    const arg = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 100 }),
      fc.constantFrom('--call', '--dial', '-c', '--name', '--ticket', '--', '--call=', 'itop-cti://call?phone=1', 'tel:', '%CallerNumber%'),
    );
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 12 }), (argv) => {
        const result = parseArgv(argv);
        if (result.ok) expect(['none', 'incoming-call', 'dial']).toContain(result.value.kind);
        else expect(result.error.code.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});
