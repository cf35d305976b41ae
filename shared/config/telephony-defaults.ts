/**
 * The extension's own defaults, exactly as its XML datamodel defines them (seed 004, "Default configuration
 * defined in XML"). Like iTop's GetModuleSetting, each top-level key falls back to these independently:
 * a config that sets only `url_parameters` keeps the default `caller_information`, lists, etc.
 * `ecall_parameters` has no default: without it, outbound calls from tickets are off.
 */
const ORG_OF_SELECTED_CALLER =
  'SELECT Organization AS o JOIN Person AS p ON p.org_id = o.id WHERE p.id = :selected_caller';

export const defaultUrlParameters = (): Record<string, string> => ({ phone: 'phone' });

export const defaultCallerInformation = () => ({
  label: 'Contacts with phone number $phone$',
  query: 'SELECT Person WHERE phone LIKE :phone OR mobile_phone LIKE :phone',
  display_name: 'friendlyname, org_name',
});

const userRequestPreset = (): Record<string, string> => ({
  org_id: ORG_OF_SELECTED_CALLER,
  caller_id: ':selected_caller',
  origin: 'phone',
  public_log: 'Call from customer dated $datetime$',
});

export const defaultDirectCreation = () => ({
  UserRequest: { enabled: false, preset: userRequestPreset() },
});

export const defaultIndirectCreation = () => ({
  UserRequest: { enabled: true, preset: userRequestPreset() },
  Person: { enabled: true, preset: { phone: ':phone' } },
});

export const defaultDisplayTickets = () => ({
  lists: [
    {
      enabled: true,
      label: 'User Requests opened for this caller',
      query: "SELECT UserRequest AS u WHERE u.caller_id IN (:callers_list) AND u.status != 'closed'",
    },
    {
      enabled: true,
      label: 'User Requests opened for the organization of the caller',
      query:
        'SELECT UserRequest AS u JOIN Organization AS o ON u.org_id = o.id JOIN Person AS p ON p.org_id = o.id ' +
        "WHERE p.id IN (:callers_list) AND u.status != 'closed'",
    },
  ],
});

/** The whole block in the extension's own form (what an admin would write in config-itop.php). */
export const defaultTelephonyParameters = () => ({
  url_parameters: defaultUrlParameters(),
  caller_information: defaultCallerInformation(),
  direct_creation: defaultDirectCreation(),
  indirect_creation: defaultIndirectCreation(),
  display_tickets: defaultDisplayTickets(),
});
