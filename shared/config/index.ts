export { AppConfigSchema, CONFIG_SECTIONS, type AppConfig, type CtiConfig, type DialConfig, type ItopConfig, type JournalConfig, type PhoneConfig, type UiConfig } from './app-config';
export { APP_SECTIONS, DEFAULT_LIST_FIELDS } from './app-config-schema';
export { formatPath, type ConfigIssue, type ConfigIssueSeverity } from './issues';
export { importTelephonyFromPhp } from './php-import';
export { importTelephonyFromXml } from './xml-import';
export { MODULE_CODE, type TelephonyImport } from './import-common';
export { exportTelephonyToPhp } from './php-export';
export { localizedLabel, substituteLabel } from './localized-label';
export { checkQuery, checkTelephonyOql, COMPANION_PLACEHOLDERS } from './oql-checks';
export {
  LEGACY_ECALL_ACTION,
  parseTelephony,
  splitDisplayName,
  type CallerInformation,
  type CreationEntry,
  type EcallAction,
  type EcallConfig,
  type LabelledEntry,
  type TelephonyConfig,
  type TicketList,
} from './telephony';
export { defaultTelephonyParameters } from './telephony-defaults';
export { toTelephonyParameters } from './telephony-parameters';
export { TelephonyParameters } from './telephony-schema';
export { serializeConfig, validateConfig, type ValidateOptions, type ValidatedConfig } from './validate-config';
