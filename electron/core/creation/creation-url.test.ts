import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildItopCreationUrl, itopRoot } from './creation-url';

describe('buildItopCreationUrl', () => {
  it('keeps a leading + of a phone number (never a space once decoded)', () => {
    const url = buildItopCreationUrl('https://itop.example/webservices/rest.php', 'Person', { phone: '+33 1 23' });
    expect(url).toBe('https://itop.example/pages/UI.php?operation=new&class=Person&default%5Bphone%5D=%2B33%201%2023');
    expect(new URL(url).searchParams.get('default[phone]')).toBe('+33 1 23');
  });

  it('accepts the iTop root with or without a trailing slash', () => {
    expect(itopRoot('https://itop.example/itop/')).toBe('https://itop.example/itop');
    expect(itopRoot('https://itop.example/itop/webservices/rest.php?version=1.3')).toBe('https://itop.example/itop');
  });

  it('round-trips any value through URL decoding', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z_]{1,12}$/), fc.oneof(fc.string(), fc.nat())), (fields) => {
        const params = new URL(buildItopCreationUrl('http://127.0.0.1:1/', 'UserRequest', fields)).searchParams;
        expect(params.get('operation')).toBe('new');
        for (const [code, value] of Object.entries(fields)) expect(params.get(`default[${code}]`)).toBe(String(value));
      }),
    );
  });
});
