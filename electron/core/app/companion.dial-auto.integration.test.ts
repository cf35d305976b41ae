import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_USERS } from '../../../e2e/itop-sim/credentials';
import { startSimulator } from '../../../e2e/itop-sim/spawn';
import { connectBridge } from '../intake/testing/intake-harness';
import { RIG_TOKEN, startCompanionRig, type CompanionRig } from './testing/companion-rig';

// dial.method left to its default (auto): the same click goes to the OS handler, then to the bridge once
// one connects, then back to the OS handler when it drops. Real simulator, real WebSocket bridge.
describe('click-to-call with default settings (dial.method auto)', () => {
  let rig: CompanionRig;
  const opened: string[] = [];

  beforeAll(async () => {
    rig = await startCompanionRig({ sim: await startSimulator(), login: SIM_USERS.cti, deps: { openExternal: async (url) => void opened.push(url) } });
  });
  afterAll(async () => {
    await rig?.stop();
  });

  it('dials through the bridge while one is connected, else through the tel: handler, and says so in the status', async () => {
    expect((await rig.companion.handlers['app:snapshot']()).status.dialVia).toBe('os');
    const before = await rig.companion.handlers['dial:start']({ number: '01 23 45 67 89' });
    expect(before.method).toBe('os');
    expect(opened).toEqual(['tel:+33123456789']);

    const bridge = await connectBridge(`ws://127.0.0.1:${rig.intakePort}/cti`, { headers: { Authorization: `Bearer ${RIG_TOKEN}` } });
    await rig.waitFor('status:changed', (s) => s.bridge.connected === 1 && s.dialVia === 'bridge');
    const dialing = rig.companion.handlers['dial:start']({ number: '01 23 45 67 89', ticket: { class: 'UserRequest', id: '2' } });
    const command = (await bridge.next()) as { command: string; requestId: string; number: string };
    expect(command).toMatchObject({ command: 'dial', number: '+33123456789', ticket: '2' });
    bridge.socket.send(JSON.stringify({ result: 'ok', requestId: command.requestId }));
    expect((await dialing).method).toBe('bridge');
    expect(opened).toHaveLength(1);

    await bridge.close();
    await rig.waitFor('status:changed', (s) => s.bridge.connected === 0 && s.dialVia === 'os');
  });
});
