import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_ID, APP_SCHEME, PRODUCT_NAME, protocolClientArgs, protocolSchemes } from './app-identity';
import { AUTOSTART_FILE_NAME, loginItemPlan } from './login-item';

const builderYml = readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8');
const packageJson = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { productName: string; main: string };
const topLevel = (key: string): string | undefined => new RegExp(`^${key}:\\s*([^#\\n]+?)\\s*(?:#.*)?$`, 'm').exec(builderYml)?.[1];

describe('app identity', () => {
  it('the AppUserModelID set at start equals the installer appId (Windows toasts need both to match)', () => {
    expect(topLevel('appId')).toBe(APP_ID);
  });

  it('product name and main entry agree across package.json, the installer and the shell', () => {
    expect(topLevel('productName')).toBe(PRODUCT_NAME);
    expect(packageJson.productName).toBe(PRODUCT_NAME);
    expect(packageJson.main).toBe('out/main/main.cjs');
  });

  it('the installer registers the itop-cti scheme, with the Linux desktop MimeType', () => {
    expect(builderYml).toMatch(/protocols:\s*\n\s+- name: .+\n\s+schemes:\s*\n\s+- itop-cti\s*\n/);
    expect(builderYml).toContain(`MimeType: x-scheme-handler/${APP_SCHEME};`);
    for (const target of ['AppImage', 'deb', 'nsis', 'dmg']) expect(builderYml).toContain(`- ${target}`);
    // Every icon the installer names exists in assets/.
    for (const icon of builderYml.matchAll(/^\s*icon:\s*(\S+)/gm)) expect(existsSync(new URL(`../../../${icon[1]}`, import.meta.url)), icon[1]).toBe(true);
  });

  it('registers tel:/callto: only when the agent opted in', () => {
    expect(protocolSchemes(false)).toEqual(['itop-cti']);
    expect(protocolSchemes(true)).toEqual(['itop-cti', 'tel', 'callto']);
  });

  it('relaunches through Electron with the app path when started as `electron .`', () => {
    expect(protocolClientArgs({ defaultApp: true, execPath: '/e/electron', appEntry: '/src/app' })).toEqual({ path: '/e/electron', args: ['/src/app'] });
    expect(protocolClientArgs({ defaultApp: false, execPath: '/opt/app', appEntry: 'x' })).toEqual({});
  });
});

describe('start at login', () => {
  it('uses Electron on macOS/Windows and an XDG autostart entry on Linux', () => {
    expect(loginItemPlan({ platform: 'win32', enabled: true, execPath: 'C:\\a.exe', configHome: 'C:\\cfg' })).toEqual({ kind: 'electron', openAtLogin: true });
    const on = loginItemPlan({ platform: 'linux', enabled: true, execPath: '/tmp/.mount_x/app', configHome: '/home/a/.config', appImage: '/home/a/Apps/iTop CTI.AppImage' });
    expect(on).toMatchObject({ kind: 'xdg-autostart', file: `/home/a/.config/autostart/${AUTOSTART_FILE_NAME}` });
    expect(on.kind === 'xdg-autostart' && on.content).toContain('Exec="/home/a/Apps/iTop CTI.AppImage" --hidden');
    expect(loginItemPlan({ platform: 'linux', enabled: false, execPath: '/x', configHome: '/c' })).toMatchObject({ content: undefined });
  });
});
