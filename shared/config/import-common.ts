import type { ConfigIssue } from './issues';
import type { TelephonyConfig } from './telephony';

/** The extension's module code: its key in config-itop.php and the id of its XML `<parameters>`. */
export const MODULE_CODE = 'combodo-telephony-integration';

export const TELEPHONY_KEYS = [
  'url_parameters', 'caller_information', 'direct_creation', 'indirect_creation', 'display_tickets', 'ecall_parameters',
];

/** A config-itop.php or datamodel XML is at most a few hundred KB; anything vastly bigger is not one. */
export const MAX_IMPORT_CHARS = 2_000_000;

export interface TelephonyImport {
  readonly telephony: TelephonyConfig;
  readonly issues: ConfigIssue[];
}
