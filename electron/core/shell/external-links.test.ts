import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createExternalLinkPolicy } from './external-links';

const policy = createExternalLinkPolicy(() => ({ itopUrl: 'https://itop.example.com/webservices/rest.php?version=1.3', dialUrlTemplate: 'https://pbx.example.com:8443/dial?n={number}' }));

describe('external link allow-list', () => {
  it('opens pages of the configured iTop and of the dial server', () => {
    expect(policy('https://itop.example.com/pages/UI.php?operation=details&class=UserRequest&id=12')).toEqual({ ok: true, value: 'https://itop.example.com/pages/UI.php?operation=details&class=UserRequest&id=12' });
    expect(policy('https://pbx.example.com:8443/dial?n=%2B33142').ok).toBe(true);
  });

  it('opens the click-to-call schemes', () => {
    for (const url of ['tel:+33142000001', 'callto:+33142000001', 'sip:0142@pbx.example.com', 'sips:0142@pbx.example.com']) expect(policy(url).ok, url).toBe(true);
  });

  it('refuses other hosts, ports, schemes and credentials with a reason', () => {
    const refused = [
      'https://evil.example.com/',
      'http://itop.example.com/', // other scheme = other origin
      'https://itop.example.com:444/',
      'https://itop.example.com.evil.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://itop.example.com/share',
      'https://user:pw@itop.example.com/',
      'itop.example.com/pages',
      '',
      `https://itop.example.com/${'a'.repeat(5000)}`,
      'https://itop.example.com/\n',
    ];
    for (const url of refused) {
      const result = policy(url);
      expect(result.ok, url).toBe(false);
      if (!result.ok) expect(result.error.message.length).toBeGreaterThan(5);
    }
  });

  it('opens nothing web-based when iTop is not configured', () => {
    const empty = createExternalLinkPolicy(() => ({ itopUrl: '' }));
    expect(empty('https://itop.example.com/').ok).toBe(false);
    expect(empty('tel:+33142').ok).toBe(true);
  });

  it('follows a settings change at once', () => {
    let itopUrl = 'https://a.example.com';
    const live = createExternalLinkPolicy(() => ({ itopUrl }));
    expect(live('https://a.example.com/x').ok).toBe(true);
    itopUrl = 'https://b.example.com';
    expect(live('https://a.example.com/x').ok).toBe(false);
  });

  it('never throws and never allows another web origin (fuzz)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true }), fc.string({ maxLength: 300 })), (url) => {
        const result = policy(url);
        if (result.ok && /^https?:/i.test(result.value)) {
          expect(['https://itop.example.com', 'https://pbx.example.com:8443']).toContain(new URL(result.value).origin);
        }
      }),
    );
  });
});
