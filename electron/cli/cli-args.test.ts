import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseCliArgs } from './cli-args';

describe('cti command line', () => {
  it('reads lookup, call and check', () => {
    expect(parseCliArgs(['lookup', '0123456789', '--json'])).toEqual({ ok: true, value: { kind: 'lookup', number: '0123456789', json: true, noSimulator: false } });
    expect(parseCliArgs(['call', '+33 1 23', '--name', 'Ann', '--port', '4600', '--config', 'c.json'])).toEqual({
      ok: true,
      value: { kind: 'call', number: '+33 1 23', name: 'Ann', port: 4600, config: 'c.json' },
    });
    expect(parseCliArgs(['check'])).toEqual({ ok: true, value: { kind: 'check', json: false } });
    expect(parseCliArgs([])).toEqual({ ok: true, value: { kind: 'help' } });
  });

  it('names what is wrong', () => {
    const bad = (argv: string[]) => {
      const r = parseCliArgs(argv);
      return r.ok ? 'accepted' : r.error.message;
    };
    expect(bad(['lookup'])).toMatch(/exactly one phone number/);
    expect(bad(['frobnicate'])).toMatch(/Unknown command "frobnicate"/);
    expect(bad(['call', '1', '--port', '99999'])).toMatch(/--port must be a port number/);
    expect(bad(['lookup', '1', '--bogus'])).toMatch(/bogus/);
    expect(bad(['check', 'extra'])).toMatch(/takes no argument/);
  });

  it('never throws on hostile argv', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 30 }), { maxLength: 8 }), (argv) => {
      const r = parseCliArgs(argv);
      expect(typeof r.ok).toBe('boolean');
    }));
  });
});
