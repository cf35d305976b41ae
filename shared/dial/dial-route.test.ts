import { describe, expect, it } from 'vitest';
import { resolveDialMethod } from './dial-route';

describe('resolveDialMethod', () => {
  it('auto: the bridge while one is connected, else the URL when configured, else the OS handler', () => {
    expect(resolveDialMethod('auto', { bridgeConnected: true, urlConfigured: true })).toBe('bridge');
    expect(resolveDialMethod('auto', { bridgeConnected: true, urlConfigured: false })).toBe('bridge');
    expect(resolveDialMethod('auto', { bridgeConnected: false, urlConfigured: true })).toBe('url');
    expect(resolveDialMethod('auto', { bridgeConnected: false, urlConfigured: false })).toBe('os');
  });

  it('a fixed method is kept whatever is connected', () => {
    expect(resolveDialMethod('os', { bridgeConnected: true, urlConfigured: true })).toBe('os');
    expect(resolveDialMethod('bridge', { bridgeConnected: false, urlConfigured: false })).toBe('bridge');
    expect(resolveDialMethod('url', { bridgeConnected: true, urlConfigured: true })).toBe('url');
  });
});
