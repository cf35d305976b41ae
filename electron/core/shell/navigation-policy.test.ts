import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPermission, decidePermission } from './permission-policy';
import { decideNavigation, decideWindowOpen, isAppPage } from './navigation-policy';

const FILE_ENTRY = 'file:///opt/iTop%20CTI/resources/app.asar/out/renderer/index.html';

describe('navigation policy', () => {
  it('allows the app page itself, with any hash route or query', () => {
    expect(decideNavigation(`${FILE_ENTRY}#ring-popup?call=1`, FILE_ENTRY)).toEqual({ action: 'allow' });
    expect(decideNavigation(`${FILE_ENTRY}?reload=1`, FILE_ENTRY).action).toBe('allow');
  });

  it('blocks other files, web pages and javascript: URLs', () => {
    for (const url of ['file:///etc/passwd', 'https://itop.example.com/pages/UI.php', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'not a url']) {
      const decision = decideNavigation(url, FILE_ENTRY);
      expect(decision.action, url).toBe('block');
    }
  });

  it('allows only the dev server origin in development', () => {
    expect(isAppPage('http://localhost:5173/#x', 'http://localhost:5173/')).toBe(true);
    expect(isAppPage('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });

  it('never puts a query string in the reason (numbers and tokens travel there)', () => {
    const decision = decideNavigation('https://evil.example/?token=s3cr3t&phone=+33142', FILE_ENTRY);
    expect(decision.action === 'block' && decision.reason).toContain('https://evil.example');
    expect(JSON.stringify(decision)).not.toContain('s3cr3t');
  });

  it('blocks every URL that is not the app page (fuzz)', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        expect(decideNavigation(url, FILE_ENTRY).action).toBe('block');
      }),
    );
  });

  it('denies every window.open and hands the URL to the external-link policy', () => {
    expect(decideWindowOpen('https://x.example/')).toEqual({ action: 'deny', openExternally: 'https://x.example/' });
  });
});

describe('permission policy', () => {
  it('denies every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'openExternal']) {
      const decision = decidePermission(permission, 'https://itop.example.com/x?y=1');
      expect(decision.granted).toBe(false);
      expect(decision.log).toContain('https://itop.example.com');
      expect(checkPermission(permission)).toBe(false);
    }
    expect(decidePermission('media', '::garbage').log).toContain('unknown page');
  });
});
