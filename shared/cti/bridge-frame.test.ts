import { describe, expect, it } from 'vitest';
import { bridgeEventToCallEvent, parseBridgeFrame } from './bridge-frame';

describe('parseBridgeFrame', () => {
  it('reads a call event, applying defaults', () => {
    expect(parseBridgeFrame('{"event":"ringing","callId":"c1","from":"+33123","extra":1}')).toEqual({
      ok: true,
      value: { type: 'event', event: { event: 'ringing', callId: 'c1', from: '+33123', to: '' } },
    });
  });

  it('reads a dial result', () => {
    expect(parseBridgeFrame('{"result":"error","requestId":"r1","message":"busy"}')).toEqual({
      ok: true,
      value: { type: 'dial-result', result: { result: 'error', requestId: 'r1', message: 'busy' } },
    });
  });

  it('names the zod path of every problem', () => {
    const result = parseBridgeFrame('{"event":"ring","callId":"","at":"yesterday"}');
    expect(result).toMatchObject({ ok: false, error: { code: 'frame-invalid' } });
    if (!result.ok) {
      expect(result.error.message).toMatch(/event: /);
      expect(result.error.message).toContain('callId: callId must not be empty');
      expect(result.error.message).toMatch(/at: /);
    }
  });

  it('refuses non-JSON and non-objects', () => {
    expect(parseBridgeFrame('hello')).toMatchObject({ ok: false, error: { code: 'frame-not-json' } });
    expect(parseBridgeFrame('[1,2]')).toMatchObject({ ok: false, error: { code: 'frame-not-object' } });
    expect(parseBridgeFrame('null')).toMatchObject({ ok: false, error: { code: 'frame-not-object' } });
  });
});

describe('bridgeEventToCallEvent', () => {
  it('takes the remote party from "from" for inbound and "to" for outbound', () => {
    const inbound = bridgeEventToCallEvent({ event: 'ringing', callId: 'a', from: '+331', to: '201' }, { source: 'bridge', now: 5 });
    expect(inbound).toEqual({
      ok: true,
      value: { kind: 'ringing', callId: 'a', direction: 'inbound', remoteNumber: '+331', localNumber: '201', at: 5, source: 'bridge', withheld: false },
    });
    const outbound = bridgeEventToCallEvent({ event: 'outgoing', callId: 'b', from: '201', to: '+332', at: '2025-01-02T03:04:05Z' }, { source: 'bridge', now: 5 });
    expect(outbound).toMatchObject({ ok: true, value: { direction: 'outbound', remoteNumber: '+332', localNumber: '201', at: Date.parse('2025-01-02T03:04:05Z') } });
  });

  it('flags withheld callers and refuses unfilled macros', () => {
    expect(bridgeEventToCallEvent({ event: 'ringing', callId: 'a', from: 'anonymous', to: '' }, { source: 'bridge', now: 0 })).toMatchObject({
      ok: true,
      value: { withheld: true, remoteNumber: 'anonymous' },
    });
    expect(bridgeEventToCallEvent({ event: 'ringing', callId: 'a', from: '%CallerNumber%', to: '' }, { source: 'bridge', now: 0 })).toMatchObject({
      ok: false,
      error: { code: 'unfilled-macro' },
    });
  });
});
