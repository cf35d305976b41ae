import type { DialMethod } from '../contract/dial';

/** What `dial.method` may say: one fixed way, or `auto` (the default) to follow what is available. */
export type DialSetting = DialMethod | 'auto';

export interface DialRouteFacts {
  /** A CTI bridge is connected to the intake right now. */
  readonly bridgeConnected: boolean;
  /** telephony.ecall_parameters names a URL to open (the softphone's or CTI's web link). */
  readonly urlConfigured: boolean;
}

/**
 * The way the next dial goes. `auto` prefers what can report the call back (the bridge), then the CTI link the
 * admin configured, then the system's tel: handler, which always exists. Asked at each dial, so a bridge that
 * connects or drops changes the next call, not a setting.
 */
export function resolveDialMethod(setting: DialSetting, facts: DialRouteFacts): DialMethod {
  if (setting !== 'auto') return setting;
  if (facts.bridgeConnected) return 'bridge';
  return facts.urlConfigured ? 'url' : 'os';
}
