import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExternalLinkPolicy } from '../core/shell/external-links';
import { loginItemPlan } from '../core/shell/login-item';
import { createExternalOpener } from './external-opener';
import { applyLoginItem } from './login-item';
import { createRingNotifier, type NotificationLike } from './notifications';
import { denyAllPermissions, type PermissionSession } from './permissions';
import { registerProtocols } from './protocols';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'os-integration-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('protocol registration', () => {
  function fakeApp(refuse: string[] = []) {
    const calls: string[] = [];
    return {
      calls,
      app: {
        setAsDefaultProtocolClient: (p: string, path?: string, args?: string[]) => (calls.push(`set ${p} ${path ?? ''} ${(args ?? []).join(' ')}`.trim()), !refuse.includes(p)),
        removeAsDefaultProtocolClient: (p: string) => (calls.push(`remove ${p}`), true),
      },
    };
  }

  it('registers itop-cti always, releases tel:/callto: unless the agent opted in', () => {
    const off = fakeApp();
    expect(registerProtocols(off.app, { handleDialLinks: false, defaultApp: false, execPath: '/opt/app', appEntry: undefined })).toEqual([]);
    expect(off.calls).toEqual(['set itop-cti', 'remove tel', 'remove callto']);
    const on = fakeApp(['tel']);
    expect(registerProtocols(on.app, { handleDialLinks: true, defaultApp: true, execPath: '/e/electron', appEntry: '/src' })).toEqual(['tel']);
    expect(on.calls).toEqual(['set itop-cti /e/electron /src', 'set tel /e/electron /src', 'set callto /e/electron /src']);
  });
});

describe('external opener', () => {
  it('opens allowed links and refuses the rest without calling the shell', async () => {
    const opened: string[] = [];
    const open = createExternalOpener({ openExternal: async (u) => void opened.push(u) }, createExternalLinkPolicy(() => ({ itopUrl: 'https://itop.example.com' })), { warn: () => undefined });
    expect(await open('https://itop.example.com/pages/UI.php')).toEqual({ ok: true, value: undefined });
    expect((await open('file:///C:/Windows/System32/calc.exe')).ok).toBe(false);
    expect(opened).toEqual(['https://itop.example.com/pages/UI.php']);
  });

  it('reports a shell failure as a Result', async () => {
    const open = createExternalOpener({ openExternal: async () => Promise.reject(new Error('no handler for tel:')) }, createExternalLinkPolicy(() => ({ itopUrl: '' })), { warn: () => undefined });
    expect(await open('tel:+33142')).toMatchObject({ ok: false, error: { code: 'link-open-failed', message: expect.stringContaining('no handler') } });
  });
});

describe('permissions', () => {
  it('denies requests and checks on the session', () => {
    let request: Parameters<PermissionSession['setPermissionRequestHandler']>[0] | undefined;
    let check: Parameters<PermissionSession['setPermissionCheckHandler']>[0] | undefined;
    const warnings: string[] = [];
    denyAllPermissions({ setPermissionRequestHandler: (h) => void (request = h), setPermissionCheckHandler: (h) => void (check = h) }, { warn: (m) => void warnings.push(m) });
    const answers: boolean[] = [];
    request?.({ getURL: () => 'file:///app/index.html' }, 'media', (granted) => void answers.push(granted));
    expect(answers).toEqual([false]);
    expect(check?.({}, 'notifications')).toBe(false);
    expect(warnings[0]).toContain('"media"');
  });
});

describe('ring notifier', () => {
  it('shows a silent notification and focuses its call on click', () => {
    const created: { title: string; body: string; silent: boolean }[] = [];
    let click: (() => void) | undefined;
    const focused: string[] = [];
    const notify = createRingNotifier({
      create: (o): NotificationLike => {
        created.push(o);
        return { on: (_e, l) => void (click = l), show: () => undefined };
      },
      isSupported: () => true,
      focusCall: (id) => void focused.push(id),
    });
    notify({ callId: 'c7', title: 'Incoming call: Ada', body: 'Analytical Ltd · 2 open tickets' });
    expect(created).toEqual([{ title: 'Incoming call: Ada', body: 'Analytical Ltd · 2 open tickets', silent: true }]);
    click?.();
    expect(focused).toEqual(['c7']);
  });

  it('does nothing where notifications are not supported', () => {
    let made = 0;
    createRingNotifier({ create: () => (made++, { on: () => undefined, show: () => undefined }), isSupported: () => false, focusCall: () => undefined })({ callId: 'c', title: 't', body: 'b' });
    expect(made).toBe(0);
  });
});

describe('start at login', () => {
  it('writes and removes the Linux autostart entry', async () => {
    const app = { setLoginItemSettings: () => { throw new Error('not on Linux'); } };
    await applyLoginItem(app, loginItemPlan({ platform: 'linux', enabled: true, execPath: '/opt/app/itop', configHome: dir }));
    const file = join(dir, 'autostart', 'itop-cti-companion.desktop');
    expect(await readFile(file, 'utf8')).toContain('Exec="/opt/app/itop" --hidden');
    await applyLoginItem(app, loginItemPlan({ platform: 'linux', enabled: false, execPath: '/opt/app/itop', configHome: dir }));
    await expect(stat(file)).rejects.toThrow();
  });

  it('uses Electron elsewhere', async () => {
    const seen: unknown[] = [];
    await applyLoginItem({ setLoginItemSettings: (s) => void seen.push(s) }, loginItemPlan({ platform: 'darwin', enabled: true, execPath: '/A.app', configHome: dir }));
    expect(seen).toEqual([{ openAtLogin: true, args: ['--hidden'] }]);
  });
});
