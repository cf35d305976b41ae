import type { CallIntake } from '../intake/call-intake';

/** call:simulate: a ringing event through the real intake (source 'simulated'), so it is handled like any call. */
export function simulateRinging(intake: CallIntake | undefined, now: number, number: string, name?: string): string {
  if (!intake) throw new Error('The companion is not started: no call can be simulated yet.');
  const callId = `sim-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const accepted = intake.acceptBridgeEvent({ event: 'ringing', callId, from: number, to: '', direction: 'inbound', ...(name ? { displayName: name } : {}) }, 'simulated');
  if (!accepted.ok) throw new Error(accepted.error.message);
  return accepted.value.event.callId;
}
