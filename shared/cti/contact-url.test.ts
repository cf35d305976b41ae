import { describe, expect, it } from 'vitest';
import { numberParameterOf, parseContactUrlQuery } from './contact-url';

const mapped = { telephone: 'phone', mailaddress: 'email' };

describe('parseContactUrlQuery', () => {
  it('reads the default phone parameter, keeps + and ignores extra parameters', () => {
    expect(parseContactUrlQuery('phone=+33%201%2023&name=Jane%20Doe&foo=bar', {})).toEqual({
      ok: true,
      value: { kind: 'incoming-call', number: '+33 1 23', withheld: false, displayName: 'Jane Doe' },
    });
  });

  it('maps url_parameters to Person attributes (telephone → phone, mailaddress → email)', () => {
    expect(parseContactUrlQuery('telephone=0987654321&mailaddress=mymail%40mycompany.com', mapped)).toEqual({
      ok: true,
      value: { kind: 'incoming-call', number: '0987654321', withheld: false, attributes: { email: 'mymail@mycompany.com' } },
    });
  });

  it('generates an error naming every missing listed parameter', () => {
    const result = parseContactUrlQuery('phone=123', mapped);
    expect(result).toMatchObject({ ok: false, error: { code: 'url-parameter-missing' } });
    if (!result.ok) {
      expect(result.error.message).toContain('"telephone" (Person attribute phone)');
      expect(result.error.message).toContain('"mailaddress" (Person attribute email)');
    }
  });

  it('refuses an unsubstituted %CallerNumber% (raw or encoded) and names it', () => {
    for (const query of ['phone=%CallerNumber%', 'phone=%25CallerNumber%25']) {
      const result = parseContactUrlQuery(query, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unfilled-macro' } });
      if (!result.ok) expect(result.error.message).toContain('%CallerNumber%');
    }
  });

  it('flags a withheld caller and drops an unsubstituted name', () => {
    expect(parseContactUrlQuery('phone=Anonymous&name=%CallerDisplayName%', {})).toEqual({
      ok: true,
      value: { kind: 'incoming-call', number: 'Anonymous', withheld: true },
    });
  });

  it('picks the parameter mapped to phone, then mobile_phone, then the first', () => {
    expect(numberParameterOf({ mail: 'email', tel: 'phone' })).toBe('tel');
    expect(numberParameterOf({ mail: 'email', gsm: 'mobile_phone' })).toBe('gsm');
    expect(numberParameterOf({ n: 'employee_number' })).toBe('n');
  });
});
