import type { EcallConfig, LabelledEntry, TelephonyConfig } from './telephony';

/**
 * TelephonyConfig back to the extension's own form: what our JSON file stores and what config-itop.php
 * expects. 1.1-form e-call settings are written back in the 1.1 form.
 */
export function toTelephonyParameters(telephony: TelephonyConfig): Record<string, unknown> {
  const info = telephony.caller_information;
  const out: Record<string, unknown> = {
    url_parameters: { ...telephony.url_parameters },
    caller_information: { ...labelsOf(info), query: info.query, display_name: info.display_name.join(', ') },
    direct_creation: creationOf(telephony.direct_creation),
    indirect_creation: creationOf(telephony.indirect_creation),
    display_tickets: {
      lists: telephony.display_tickets.lists.map((list) => ({ enabled: list.enabled, ...labelsOf(list), query: list.query })),
    },
  };
  if (telephony.ecall_parameters) out['ecall_parameters'] = ecallOf(telephony.ecall_parameters);
  return out;
}

function labelsOf(entry: LabelledEntry): Record<string, string> {
  return Object.fromEntries(
    Object.entries(entry).filter(([key, value]) => (key === 'label' || key.startsWith('label/')) && typeof value === 'string'),
  ) as Record<string, string>;
}

function creationOf(entries: TelephonyConfig['direct_creation']): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(entries).map(([name, entry]) => [name, { enabled: entry.enabled, preset: { ...entry.preset } }]),
  );
}

function ecallOf(ecall: EcallConfig): Record<string, unknown> {
  const [only] = ecall.actions;
  if (ecall.actions.length === 1 && only?.legacy) return { url: ecall.url, url_parameters: { ...only.attributes } };
  return {
    url: ecall.url,
    url_parameters: Object.fromEntries(
      ecall.actions.map((action) => [action.name, { icon: action.icon, attributes: { ...action.attributes } }]),
    ),
  };
}
