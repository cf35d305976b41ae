export { createItopClient, DEFAULT_COMMENT } from './client';
export { caseLogItem } from './case-log';
export type { ItopObject, ItopOperationInfo } from './envelope';
export {
  describeItopError,
  isLoginFailure,
  isNotAuthorizedForRest,
  isOqlError,
  isPermissionDenied,
  isUnknownClass,
  isValidationError,
  ITOP_CODE,
  validationIssues,
  type ItopError,
  type ItopErrorKind,
  type ValidationIssue,
} from './itop-error';
export type { ItopAuth } from './request';
export type * from './types';
