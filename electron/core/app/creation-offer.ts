import type { TelephonyConfig } from '../../../shared/config';
import type { CreationOffer } from '../../../shared/contract/views';
import { enabledIndirect, firstEnabledDirect } from '../creation';

/** "UserRequest" → "User Request": a readable default; the UI may translate the class itself. */
export function humanClassName(className: string): string {
  return className.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
}

/**
 * What the panel offers to create from a call, per the extension's direct_creation / indirect_creation.
 * The direct form opens when an inbound call pops; an outbound call was placed by the agent from a ticket,
 * so nothing opens by itself then.
 */
export function creationOffer(telephony: TelephonyConfig, direction: 'inbound' | 'outbound'): CreationOffer {
  const direct = direction === 'inbound' ? firstEnabledDirect(telephony) : undefined;
  return {
    ...(direct ? { direct: { class: direct.class } } : {}),
    indirect: enabledIndirect(telephony).map((c) => ({ class: c.class, label: `Create ${humanClassName(c.class)}` })),
  };
}

/** Classes a call may create: anything else asked through the contract is refused. */
export function creatableClasses(telephony: TelephonyConfig): Set<string> {
  const direct = firstEnabledDirect(telephony);
  return new Set([...(direct ? [direct.class] : []), ...enabledIndirect(telephony).map((c) => c.class)]);
}
