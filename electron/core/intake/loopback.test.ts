import { describe, expect, it } from 'vitest';
import { parseQueryString } from '../../../shared/cti/query-string';
import { isLoopbackAddress, isLoopbackHost, tokenOf, tokensMatch } from './loopback';

describe('peer and host checks', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1'])('%s is loopback', (address) => {
    expect(isLoopbackAddress(address)).toBe(true);
  });

  it.each([undefined, '', '10.0.0.1', '192.168.1.20', '::ffff:192.168.1.20', 'fe80::1', '128.0.0.1', '127.0.0.256', '1270.0.0.1'])(
    '%s is not loopback',
    (address) => {
      expect(isLoopbackAddress(address)).toBe(false);
    },
  );

  it('accepts loopback Host names only (DNS rebinding guard)', () => {
    expect(['127.0.0.1:4100', 'localhost:4100', 'LOCALHOST', '[::1]:4100'].every(isLoopbackHost)).toBe(true);
    expect([undefined, 'evil.example:4100', 'localhost.evil.example', '127.0.0.1.nip.io'].some(isLoopbackHost)).toBe(false);
  });
});

describe('tokens', () => {
  it('compares tokens exactly, whatever their lengths', () => {
    expect(tokensMatch('secret-token', 'secret-token')).toBe(true);
    expect(tokensMatch('secret-toke', 'secret-token')).toBe(false);
    expect(tokensMatch('', '')).toBe(false);
  });

  it('reads the Bearer header first, then ?token= (keeping a + in the token)', () => {
    expect(tokenOf({ authorization: 'Bearer abc' }, parseQueryString('token=zzz'))).toBe('abc');
    expect(tokenOf({}, parseQueryString('token=a+b%2Fc'))).toBe('a+b/c');
    expect(tokenOf({ authorization: 'Basic abc' }, [])).toBeUndefined();
  });
});
