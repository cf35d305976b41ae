/**
 * A companion configuration whose User Request preset sets an origin iTop does not have ("fax", e.g. written
 * for a customized iTop): the form shows it, and iTop's refusal is what the agent reads next to the field.
 */
export const FAX_ORIGIN_CONFIG = {
  dial: { method: 'bridge', format: 'national' },
  telephony: {
    indirect_creation: {
      UserRequest: {
        enabled: true,
        preset: {
          org_id: 'SELECT Organization AS o JOIN Person AS p ON p.org_id = o.id WHERE p.id = :selected_caller',
          caller_id: ':selected_caller',
          origin: 'fax',
          public_log: 'Call from customer dated $datetime$',
        },
      },
      Person: { enabled: true, preset: { phone: ':phone' } },
    },
  },
};
