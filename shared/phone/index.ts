export { normalizeIncoming, normalizeStored, explainNormalization } from './normalize';
export { matchKeys, digitsLikePattern, type MatchKeys } from './match-keys';
export { formatDialString, createAsYouType, DIAL_FORMATS, type DialFormat, type AsYouTypeState } from './dial';
export { displayNumber } from './display';
export {
  PhoneOptionsSchema,
  CountryCodeSchema,
  DEFAULT_PHONE_OPTIONS,
  parsePhoneOptions,
  type PhoneOptions,
  type PhoneOptionsInput,
} from './options';
export {
  NormalizedNumberSchema,
  NumberRoute,
  NORMALIZED_KINDS,
  type NormalizedNumber,
  type ExternalNumber,
  type NormalizedKind,
} from './types';
export { isKnownRegion, type CountryCode } from './metadata';
