import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseQueryString } from '../cti/query-string';
import { buildOsDialUri } from './os-uri';
import { buildDialUrl, checkUrlTemplate, encodeUrlComponent } from './url-template';

const value = (r: { ok: true; value: string } | { ok: false; error: { code: string } }) => (r.ok ? r.value : `error:${r.error.code}`);
const wellFormed = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

describe('buildDialUrl (ecall_parameters url + url_parameters)', () => {
  it('builds the extension documentation example and keeps "+" as %2B', () => {
    expect(value(buildDialUrl('https://myctiserver/index.php', [['telephone', '0123456789'], ['mailaddress', 'mymail@mycompany.com']], { dialString: '0123456789' })))
      .toBe('https://myctiserver/index.php?telephone=0123456789&mailaddress=mymail%40mycompany.com');
    expect(value(buildDialUrl('https://cti/dial', [['telephone', '+33 1 23']], { dialString: '+33123' }))).toBe('https://cti/dial?telephone=%2B33%201%2023');
  });

  it('appends to an existing query, before a fragment, and fills placeholders (3CX web client)', () => {
    expect(value(buildDialUrl('https://cti/x.php?mode=call', [['n', '+1']], { dialString: '+1' }))).toBe('https://cti/x.php?mode=call&n=%2B1');
    expect(value(buildDialUrl('https://cti/x.php?', [['n', '1']], { dialString: '1' }))).toBe('https://cti/x.php?n=1');
    expect(value(buildDialUrl('https://pbx.example.com/webclient/#/call?phone={number}', [], { dialString: '+33123456789' })))
      .toBe('https://pbx.example.com/webclient/#/call?phone=%2B33123456789');
    expect(value(buildDialUrl('https://cti/{dialString}/go#top', [['e', '{e164}']], { dialString: '0123', e164: '+33123' })))
      .toBe('https://cti/0123/go?e=%7Be164%7D#top');
  });

  it('refuses templates that are not plain http(s) URLs', () => {
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt://x', 'file:///etc/passwd', 'data:text/html,x', 'https://', 'https://a b/', 'https://x/\nSet-Cookie: a', 'ftp://x', '', '//cti/x', 'https://@/x']) {
      expect(checkUrlTemplate(bad).ok, bad).toBe(false);
    }
    expect(value(buildDialUrl(`https://cti/${'a'.repeat(2100)}`, [], { dialString: '1' }))).toBe('error:dial.url-invalid');
    expect(value(buildDialUrl('https://cti/', [['n', '1'.repeat(5000)]], { dialString: '1' }))).toBe('error:dial.url-too-long');
  });

  it('property: any values come back exactly (unicode, quotes, %, &, =, #, +, newlines) and never leave the query', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 10 }), fc.string({ unit: 'binary', maxLength: 40 })), { maxLength: 5 }),
        (params) => {
          const url = buildDialUrl('https://cti.example/dial.php#frag', params, { dialString: '0' });
          expect(url.ok).toBe(true);
          if (!url.ok) return;
          expect(url.value).toMatch(/^https:\/\/cti\.example\/dial\.php[^#\s]*#frag$/);
          expect(url.value).not.toMatch(/[\s+"'<>]/);
          const query = url.value.slice(url.value.indexOf('?') + 1, url.value.indexOf('#'));
          const decoded = params.length === 0 ? [] : parseQueryString(query).map((p) => [p.name, p.value]);
          expect(decoded).toEqual(params.map(([n, v]) => [wellFormed(n), wellFormed(v)]));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('property: a hostile template is refused or stays an http(s) URL', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string().map((s) => `https://${s}`), fc.string().map((s) => `javascript:${s}`)), (template) => {
        const url = buildDialUrl(template, [['n', '+1']], { dialString: '+1' });
        if (url.ok) expect(url.value).toMatch(/^https?:\/\/[^\s/?#@]+/i);
      }),
      { numRuns: 400 },
    );
  });

  it('encodes RFC 3986 reserved characters too', () => {
    expect(encodeUrlComponent("+ !'()*é")).toBe('%2B%20%21%27%28%29%2A%C3%A9');
  });
});

describe('buildOsDialUri (tel:, callto:, sip:)', () => {
  it('builds one URI per scheme with the dial string, "#" escaped', () => {
    expect(value(buildOsDialUri('tel', '+33123456789'))).toBe('tel:+33123456789');
    expect(value(buildOsDialUri('callto', '0123456789'))).toBe('callto:0123456789');
    expect(value(buildOsDialUri('sip', '*31#0123'))).toBe('sip:*31%230123');
  });

  it('refuses anything that is not a dial string, and unknown schemes', () => {
    for (const bad of ['', '+', '0123 456', '012;ext=1', '012@evil', 'javascript:alert(1)', '+33\n1', '1?a=b', '%2B33', '1'.repeat(41)]) {
      expect(buildOsDialUri('tel', bad).ok, bad).toBe(false);
    }
    expect(value(buildOsDialUri('javascript' as never, '1'))).toBe('error:dial.bad-scheme');
  });

  it('property: whatever goes in, what comes out is scheme + digits/*/%23 only', () => {
    fc.assert(
      fc.property(fc.constantFrom('tel', 'callto', 'sip') as fc.Arbitrary<'tel' | 'callto' | 'sip'>, fc.string({ unit: 'binary', maxLength: 50 }), (scheme, text) => {
        const uri = buildOsDialUri(scheme, text);
        if (uri.ok) expect(uri.value).toMatch(new RegExp(`^${scheme}:\\+?(?:[0-9*]|%23)+$`));
      }),
    );
  });
});
