import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../shared/config';
import { ok } from '../../../shared/result';
import { createCallSessions } from '../calls/call-sessions';
import { silentLog } from '../intake/log';
import { createDialer } from './dialer';
import { dialFromText } from './text-dial';

function setup() {
  const config = validateConfig({ phone: { defaultRegion: 'FR' }, dial: { method: 'os', format: 'national' }, cti: { token: 'x'.repeat(24) } }, { agentTimeZone: 'Europe/Paris' }).config;
  const opened: string[] = [];
  let ids = 0;
  const dialer = createDialer({
    config, clock: { now: () => 1_000 }, log: silentLog, sessions: createCallSessions({ clock: { now: () => 1_000 } }), newId: () => `n${++ids}`,
    sendDial: async () => ok({ requestId: 'r' }),
    openExternal: async (url) => void opened.push(url),
  });
  return { dialer, opened };
}

describe('dialFromText (the dial shortcut\'s confirmation)', () => {
  it('queues the selected number for the agent\'s confirmation: nothing is dialed', async () => {
    const { dialer, opened } = setup();
    expect(await dialFromText(dialer, 'Call me at +33 1 23 45 67 89 please', false)).toEqual(ok({ kind: 'pending', display: '01 23 45 67 89' }));
    expect(opened).toEqual([]);
    expect(dialer.pending()).toMatchObject([{ number: '+33 1 23 45 67 89', needsTicket: true, via: 'shortcut' }]);
  });

  it('dials at once only when the agent opted in', async () => {
    const { dialer, opened } = setup();
    expect(await dialFromText(dialer, '06 12 34 56 78', true)).toEqual(ok({ kind: 'started', display: '06 12 34 56 78' }));
    expect(opened).toEqual(['tel:0612345678']);
    expect(dialer.pending()).toEqual([]);
  });

  it('a text without a number is refused before anything is queued', async () => {
    const { dialer } = setup();
    expect(await dialFromText(dialer, 'meeting notes', false)).toMatchObject({ ok: false, error: { code: 'dial.text-no-number' } });
    expect(dialer.pending()).toEqual([]);
  });
});
